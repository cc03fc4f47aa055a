"""建中街街道 "路长制工作亭": staffed kiosks on the streets where the 路长 and city managers meet
residents and take reports; shown as a map layer with who is on duty."""
