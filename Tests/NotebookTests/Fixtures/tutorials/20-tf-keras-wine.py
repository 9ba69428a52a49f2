# 2019 style: TensorFlow 2.0's tf.keras, a list of layers, validation_split
import numpy as np
import tensorflow as tf
from tensorflow import keras
from sklearn.datasets import load_wine
from sklearn.preprocessing import StandardScaler

tf.random.set_seed(42)
data = load_wine()
x = StandardScaler().fit_transform(data.data)
y = data.target
print('wine:', x.shape, 'classes', len(data.target_names))

model = keras.Sequential([
    keras.layers.Dense(32, activation=tf.nn.relu, input_shape=(13,)),
    keras.layers.Dense(3, activation=tf.nn.softmax),
])
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
history = model.fit(x, y, epochs=40, batch_size=16, validation_split=0.2, verbose=0)
print(sorted(history.history.keys()))
loss, acc = model.evaluate(x, y, verbose=0)
print('accuracy above 0.9:', acc > 0.9)
