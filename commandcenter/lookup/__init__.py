"""Finding what an operator types: a place (road, segment, office, landmark) or a case category, by
name, code or pinyin initials — the 新建案件 form's two search boxes, answered in memory."""
