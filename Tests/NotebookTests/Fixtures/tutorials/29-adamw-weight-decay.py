# 2023 style: AdamW and weight_decay on the Keras 3 optimizers
import numpy as np
from sklearn.datasets import make_moons
from tensorflow import keras
from tensorflow.keras.optimizers import AdamW

X, y = make_moons(n_samples=100, noise=0.2, random_state=1)
norms = {}
for name, opt in [('adam', keras.optimizers.Adam(learning_rate=0.01)),
                  ('adamw', AdamW(learning_rate=0.01, weight_decay=0.1)),
                  ('sgd+wd', keras.optimizers.SGD(learning_rate=0.1, weight_decay=0.05))]:
    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(64, activation='relu'), keras.layers.Dense(1, activation='sigmoid')])
    model.compile(optimizer=opt, loss='binary_crossentropy', metrics=['accuracy'])
    model.fit(X, y, epochs=100, verbose=0)
    norms[name] = float(np.linalg.norm(model.layers[0].get_weights()[0]))
print('decay shrinks the kernel:', norms['adamw'] < norms['adam'])
try:
    keras.optimizers.Adam(use_ema=True)
except NotImplementedError as e:
    print('NotImplementedError:', e)
