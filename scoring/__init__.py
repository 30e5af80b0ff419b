"""PanelDesk's domain logic, standard library only (docs/aggregation.md).

`rubric` (the model), `rubric_schema` (validation, every error naming its field) and
`rubric_file` (reading a file); `totals` (exact decimals); `aggregate` (the registry of
aggregation methods); `ranking` (places, tie-breaks, award quotas); `disagreement`
(outliers, re-review); `agreement` (ICC, Kendall's W, Krippendorff's α); `linalg`.
"""
