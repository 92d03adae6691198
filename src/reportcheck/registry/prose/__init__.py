"""Reading a report's prose: its numerals (textnums), its review and plan parts and their
headings (segment), and the wordings that say a comparator and a unit (wording). The drafter,
the evidence checks and the quoted texts all read a report through these."""
