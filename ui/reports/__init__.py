"""考核 ▸ 报表…: the weekly bulletin, monthly assessment, annual evaluation and daily summary written
as PDF or Excel from the desk (issue 17)."""
