"""Intake: reading a folder of application mails into checked submissions.

`source` lists and reads the entries (a folder or a .zip each, bounded); `forms` reads
the 申报书 whatever its format (`form_docx`, `form_pdf`, `form_doc`) into fields with the
format-free grammar of `form_fields`, `contacts` tells names from numbers and
`categories` reads the category against the rubric's; `checks` and `pii` turn the call's
rules into warnings; `roster` reads the organizer's list of experts.  Putting the result
into a packet is `app.assembly`'s job: intake knows nothing of the packet format.
"""
