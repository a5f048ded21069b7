"""Pictures between numpy and Qt."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage


def rgb_image(rgb: np.ndarray) -> QImage:
    """A QImage of its own (copied) from an RGB array (height × width × 3, uint8)."""
    rgb = np.ascontiguousarray(rgb)
    return QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0],
                  QImage.Format.Format_RGB888).copy()
