# 2021 style: TensorFlow 2.5-2.8 scripts importing optimizers from their _v2 modules
import numpy as np
from sklearn.datasets import make_circles
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
from keras.optimizers import gradient_descent_v2, adam_v2

X, y = make_circles(n_samples=300, noise=0.05, factor=0.5, random_state=1)
results = {}
for name, opt in [('sgd', gradient_descent_v2.SGD(learning_rate=0.1, momentum=0.9)), ('adam', adam_v2.Adam(learning_rate=0.01))]:
    model = Sequential([Dense(16, activation='relu', input_shape=(2,)), Dense(1, activation='sigmoid')])
    model.compile(optimizer=opt, loss='binary_crossentropy', metrics=['accuracy'])
    model.fit(X, y, epochs=50, verbose=0)
    results[name] = model.evaluate(X, y, verbose=0)[1]
print(sorted(results.keys()), all(v > 0.8 for v in results.values()))
