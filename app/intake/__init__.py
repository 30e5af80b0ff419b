"""Intake: turn a folder of application mails into checked submissions for a packet."""
