"""PanelDesk domain logic, standard library only: rubric, totals, aggregation."""
