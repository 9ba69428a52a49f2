# 2018 style: regression with mean_squared_error and the metric names Keras 2.2 logged
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import Dense

X, y = load_diabetes(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
model = Sequential()
model.add(Dense(64, input_dim=10, kernel_initializer='normal', activation='relu'))
model.add(Dense(1, kernel_initializer='normal'))
model.compile(loss='mean_squared_error', optimizer='adam', metrics=['mse', 'mae'])
history = model.fit(X_train, y_train, epochs=100, batch_size=16, verbose=0, validation_split=0.1)
h = history.history
print('mse read both ways:', h['mse'] == h['mean_squared_error'], h['val_mae'] == h['val_mean_absolute_error'])
print('loss fell:', h['loss'][-1] < h['loss'][0])
mse = model.evaluate(X_test, y_test, verbose=0)[0]
print('test RMSE below 80:', np.sqrt(mse) < 80)
