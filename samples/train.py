"""A small PyTorch training step: select a literal and ask Entropy Lens what it implies."""
import torch
import torch.nn.functional as F

# Multi-class classification: raw scores for 2 examples over 3 classes, and their class indices.
logits = torch.tensor([[2.0, -1.0, 0.5], [0.1, 0.2, 3.0]])
labels = torch.tensor([0, 2])
cce = F.cross_entropy(logits, labels)  # mean over the batch, in nats

# Binary classification: sigmoid probabilities against binary labels.
probs = torch.tensor([0.9, 0.2, 0.7, 0.6])
targets = torch.tensor([1.0, 0.0, 1.0, 1.0])
bce = F.binary_cross_entropy(probs, targets)

# Regression: predictions against real-valued targets.
y_pred = torch.tensor([2.5, 0.0, 2.1, 7.8])
y_true = torch.tensor([3.0, -0.5, 2.0, 7.0])
mse = F.mse_loss(y_pred, y_true)

# A softmax output to read as a distribution.
p = torch.softmax(torch.tensor([1.0, 2.0, 3.0]), dim=0)  # tensor([0.0900, 0.2447, 0.6652])

optimizer = torch.optim.SGD([logits.requires_grad_()], lr=0.1)
loss = cce + bce + mse
loss.backward()
optimizer.step()
print(f"cce={cce.item():.6f} bce={bce.item():.6f} mse={mse.item():.6f}")
