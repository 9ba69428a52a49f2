# 2019 style: a script that times itself with the time module
import time
import numpy as np
from sklearn.datasets import make_moons
from keras.models import Sequential
from keras.layers import Dense

X, y = make_moons(n_samples=100, noise=0.2, random_state=1)
start = time.time()
t0 = time.perf_counter()
model = Sequential([Dense(50, input_dim=2, activation='relu'), Dense(1, activation='sigmoid')])
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X, y, epochs=50, verbose=0)
elapsed = time.time() - start
print('Training took %.2f seconds' % elapsed)
print('perf_counter agrees:', abs((time.perf_counter() - t0) - elapsed) < 1.0)
time.sleep(0.01)
print('clock moves forward:', time.time() > start)
