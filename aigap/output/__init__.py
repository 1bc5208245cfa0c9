"""What aigap writes: listings laid out and rendered (table, JSON, CSV, Markdown, SVG);
export, citations, charts."""
