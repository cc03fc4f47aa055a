"""Reports (issue 17): the weekly bulletin, the monthly and annual assessment and the daily summary
as a layout model (``model``) built from the services' figures (``building``), written as PDF with
vector charts and an embedded Chinese font (``pdf``) or as an Excel workbook (``xlsx``)."""
