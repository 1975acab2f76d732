"""A small PyTorch training loop to debug. It stops at `breakpoint()` with values that exist only at
run time: debug this file, select `probs` (or put the cursor on it) and run "Entropy Lens: Evaluate
Selection"; select `labels` and `logits` (Alt for the second) and run "Preview Loss for Selection"."""
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
rng = np.random.default_rng(0)
weights = torch.randn(3, 4, requires_grad=True)
x = torch.tensor(rng.normal(size=(5, 3)), dtype=torch.float32)
labels = torch.tensor([0, 3, 1, 2, 3])
optimizer = torch.optim.SGD([weights], lr=0.5)

for step in range(3):
    logits = x @ weights  # requires grad
    probs = torch.softmax(logits, dim=-1)
    p_model = probs.mean(dim=0).detach().numpy()
    p_data = np.bincount(labels.numpy(), minlength=4) / len(labels)
    loss = F.cross_entropy(logits, labels)
    breakpoint()  # logits, probs, p_model, p_data and loss exist only now (stops on the next line)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"step {step}: loss {loss.item():.4f}")

big = rng.random(100_000)  # float64: read in one piece of about 1.9 MB
masked = np.array([1.0, -np.inf, 0.5])  # logits with a masked class
words = ["cat", "dog"]
breakpoint()  # debugpy stops at the line after breakpoint(): this one
print(f"read {big.size} numbers")
