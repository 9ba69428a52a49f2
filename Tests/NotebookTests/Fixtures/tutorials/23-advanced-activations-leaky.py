# 2018 style: LeakyReLU from keras.layers.advanced_activations, alpha=
import numpy as np
from sklearn.datasets import make_moons
from keras.models import Sequential
from keras.layers import Dense
from keras.layers.advanced_activations import LeakyReLU

X, y = make_moons(n_samples=200, noise=0.2, random_state=3)
model = Sequential()
model.add(Dense(32, input_dim=2))
model.add(LeakyReLU(alpha=0.1))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(X, y, epochs=100, verbose=0)
hidden = model.layers[1]
print(type(hidden).__name__, 'after', type(model.layers[0]).__name__)
print('train accuracy above 0.85:', model.evaluate(X, y, verbose=0)[1] > 0.85)
