# Debugging a diverging run: a huge learning rate, nan in the log, TerminateOnNaN
import numpy as np
from sklearn.datasets import make_regression
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import SGD
from keras.callbacks import TerminateOnNaN

X, y = make_regression(n_samples=200, n_features=5, noise=0.1, random_state=1)
y = y * 1000
model = Sequential([Dense(32, input_dim=5, activation='relu'), Dense(1)])
model.compile(loss='mse', optimizer=SGD(lr=0.5))
history = model.fit(X, y, epochs=20, verbose=2, callbacks=[TerminateOnNaN()])
losses = history.history['loss']
print('stopped after', len(losses), 'epoch; last loss finite:', bool(np.isfinite(losses[-1])))
print(losses[-1], losses[-1] - losses[-1], -float('nan'), np.nan)
