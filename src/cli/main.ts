process.stderr.write('entropy-lens: not built yet\n');
process.exitCode = 1;
