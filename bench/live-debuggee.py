# The benchmark's debuggee (bench/live-bench.ts): float64 arrays of 10^5 and 10^6 numbers, then a stop.
import numpy as np

rng = np.random.default_rng(0)
x5 = rng.random(100_000)
x6 = rng.random(1_000_000)
breakpoint()  # debugpy stops on the next line
print(x5.size, x6.size)
