# 2017 style: Keras 2.0 on the digits, imports from keras.layers.core and np_utils
from __future__ import print_function
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers.core import Dense, Dropout, Activation
from keras.optimizers import RMSprop
from keras.utils import np_utils

np.random.seed(1337)
batch_size = 64
nb_classes = 10
epochs = 10

digits = load_digits()
X = digits.data.astype('float32') / 16.0
Y = np_utils.to_categorical(digits.target, nb_classes)
X_train, X_test, Y_train, Y_test = train_test_split(X, Y, test_size=0.25, random_state=0)
print(X_train.shape[0], 'train samples')
print(X_test.shape[0], 'test samples')

model = Sequential()
model.add(Dense(128, input_shape=(64,)))
model.add(Activation('relu'))
model.add(Dropout(0.2))
model.add(Dense(128))
model.add(Activation('relu'))
model.add(Dropout(0.2))
model.add(Dense(nb_classes))
model.add(Activation('softmax'))
model.summary()

model.compile(loss='categorical_crossentropy', optimizer=RMSprop(lr=0.001), metrics=['accuracy'])
history = model.fit(X_train, Y_train, batch_size=batch_size, epochs=epochs, verbose=0,
                    validation_data=(X_test, Y_test))
score = model.evaluate(X_test, Y_test, verbose=0)
print('Test score:', round(score[0], 4))
print('Test accuracy above 0.9:', score[1] > 0.9)
print('epochs logged:', len(history.history['acc']), len(history.history['val_acc']))
