"""The scikit-learn baseline of bench/train.sh: pandas reads the CSV, a stratified 80/20 split, StandardScaler,
SGDClassifier (logistic loss) for a fixed number of epochs, accuracy on the held-out rows. Prints one line of
figures: phase seconds (wall clock), the process's CPU seconds, accuracy, peak resident memory."""
import resource
import sys
import time

import pandas as pd
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

csv, target, epochs, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
start = time.perf_counter()
frame = pd.read_csv(csv)
y = frame.pop(target).to_numpy()
x = frame.to_numpy()
loaded = time.perf_counter()
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=seed, stratify=y)
scaler = StandardScaler().fit(x_train)
x_train = scaler.transform(x_train)
x_test = scaler.transform(x_test)
scaled = time.perf_counter()
model = SGDClassifier(loss="log_loss", max_iter=epochs, tol=None, random_state=seed).fit(x_train, y_train)
fitted = time.perf_counter()
accuracy = model.score(x_test, y_test)
evaluated = time.perf_counter()
print("sklearn load %.3f scale %.3f fit %.3f evaluate %.3f total %.3f cpu %.3f accuracy %.4f peak-rss-mb %d" % (
    loaded - start, scaled - loaded, fitted - scaled, evaluated - fitted, evaluated - start, time.process_time(),
    accuracy, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
