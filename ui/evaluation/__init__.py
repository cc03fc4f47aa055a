"""The 考核 menu (issue 16): 考核排名 (ranking of a week/month/year, publish), 每日汇总 and 协商议题."""
