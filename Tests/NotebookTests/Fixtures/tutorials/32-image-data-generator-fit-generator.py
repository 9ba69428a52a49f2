# 2018 style: ImageDataGenerator with fit_generator on the digits
import numpy as np
from sklearn.datasets import load_digits
from keras.models import Sequential
from keras.layers import Dense, Flatten, Conv2D, MaxPooling2D
from keras.preprocessing.image import ImageDataGenerator
from keras.utils import np_utils

digits = load_digits()
x = (digits.images / 16.0).reshape(-1, 8, 8, 1)
y = np_utils.to_categorical(digits.target, 10)
x_train, y_train, x_test, y_test = x[:1500], y[:1500], x[1500:], y[1500:]
datagen = ImageDataGenerator(rotation_range=10, width_shift_range=0.1, height_shift_range=0.1)
model = Sequential()
model.add(Conv2D(16, (3, 3), activation='relu', padding='same', input_shape=(8, 8, 1)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(10, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit_generator(datagen.flow(x_train, y_train, batch_size=32), steps_per_epoch=len(x_train) // 32,
                    epochs=5, validation_data=(x_test, y_test), verbose=0)
print('test accuracy above 0.7:', model.evaluate(x_test, y_test, verbose=0)[1] > 0.7)
