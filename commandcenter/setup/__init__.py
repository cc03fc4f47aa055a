"""Setting up a seat (issue 13's first-run wizard), without Qt: test a database and migrate it
(``database_choice``), check a base map (``base_map_check``), load the demo district beside a real
administrator (``demo_district``), and write the seat's config file (``seat_config``, ``toml_text``).
The wizard's pages in ``ui/setup`` call these on worker threads and word the keys they return."""
