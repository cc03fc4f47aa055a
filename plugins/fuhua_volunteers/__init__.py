"""福华街街道 "党建引领路长制落实": party members volunteer on the road segments of their
neighbourhood beside the 路长; this module keeps the roster by segment and maps who covers what."""
