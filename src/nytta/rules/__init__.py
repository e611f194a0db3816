"""The rules of `nytta check`: one small unit per rule, registered by id."""
