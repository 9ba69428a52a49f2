# 2018 style: a hand-written training loop with train_on_batch, and a callback that watches batches
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras.callbacks import Callback

np.random.seed(0)
x = np.random.rand(100, 3)
y = (x.sum(axis=1) > 1.5).astype(int)
model = Sequential([Dense(8, input_dim=3, activation='relu'), Dense(1, activation='sigmoid')])
model.compile(loss='binary_crossentropy', optimizer='sgd', metrics=['accuracy'])
before = model.evaluate(x, y, verbose=0)
first = model.train_on_batch(x, y)
print('train_on_batch reports the loss before its step:', bool(np.allclose(before, first)))
for step in range(20):
    idx = np.random.randint(0, 100, 16)
    loss, acc = model.train_on_batch(x[idx], y[idx])
print('loss fell:', model.test_on_batch(x, y)[0] < before[0], model.predict_on_batch(x[:2]).shape)

class BatchLogger(Callback):
    def __init__(self):
        super().__init__()
        self.batches = []
        self.losses = []
    def on_train_batch_end(self, batch, logs=None):
        self.batches.append(batch)
        self.losses.append(logs['loss'])
logger = BatchLogger()
model.fit(x, y, epochs=2, batch_size=32, verbose=0, callbacks=[logger])
print(logger.batches, len(logger.losses))
