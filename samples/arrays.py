"""Array literals as they appear in numpy and torch code, and as numpy prints them."""
import numpy as np
import torch

p = np.array([0.1, 0.2, 0.7])
q = np.array([0.2, 0.2, 0.6], dtype=np.float32)
counts = np.array([10, 20, 70], dtype=np.int64)
uniform = np.full(4, 0.25)  # [0.25, 0.25, 0.25, 0.25]

batch = np.array([[0.6, 0.3, 0.1],
                  [0.1, 0.8, 0.1]], dtype=np.float64)

t = torch.tensor([0.25, 0.25, 0.5])
t64 = torch.tensor([[0.5, 0.5], [0.9, 0.1]], dtype=torch.float64)

# A tensor's shape is not a distribution: the hover stays silent here.
image = torch.zeros((3, 224, 224))
# Two predictions, or P and Q? The hover's link reads the rows as a batch, or back as a pair.
preds = torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
# Raw scores: lock the visualizer on them and edit the numbers; the figures follow as you type.
logits = np.array([2.0, -1.0, 0.5])

print(p)  # [0.1 0.2 0.7]
print(repr(p))
# array([0.1, 0.2, 0.7])
# A printed repr without commas, as numpy shows it for wide arrays:
# array([0.1 0.2 0.7])
# Scientific notation, as numpy prints tiny probabilities:
# array([9.9e-01, 5.0e-03, 5.0e-03])
print(t)  # tensor([0.2500, 0.2500, 0.5000])
