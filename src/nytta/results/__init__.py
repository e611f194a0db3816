"""What the stages hand to the renderers: plain data, no computing.

The compute stage fills these types and the render stage reads them, so a renderer never
needs to import ``nytta.compute`` or ``nytta.check``.
"""
