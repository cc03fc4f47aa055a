"""嵩山路街道's 路长制 assessment (考核制度): every 路长 scored from the outcomes of the cases on
their segment, shown as a card and a ranking panel, and ready to feed the district evaluation."""
