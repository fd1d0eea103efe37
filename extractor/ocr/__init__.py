"""OCR of page images: orient, deskew, clean, then Tesseract behind one interface."""
