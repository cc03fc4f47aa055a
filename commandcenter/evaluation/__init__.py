"""Duty, indicators and evaluation (issue 16), Qt-free and free of SQL: the assessment periods on the
district's clock (``periods``), the rule deciding which period a case counts in for each indicator
(``period_rules``), the counts and rates (``indicators``), the composite score with its weights
(``score``), the table grouped per office, segment, department, category or post (``table``) and its
text (``text``). The facts come from ``persistence.cases.indicator_facts`` through
``services.indicator_service``."""
