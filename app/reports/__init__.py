"""Periodic reports built from the indicators (PDF for the leadership, CSV/XLSX for recounting)."""
