# 2017 style: iris with one-hot labels from np_utils, Adam(lr=...), 'acc' in history
import numpy
from sklearn.datasets import load_iris
from sklearn.preprocessing import StandardScaler
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Adam
from keras.utils import np_utils

seed = 7
numpy.random.seed(seed)
iris = load_iris()
X = StandardScaler().fit_transform(iris.data)
dummy_y = np_utils.to_categorical(iris.target)
print('classes:', dummy_y.shape[1], list(iris.target_names))

model = Sequential()
model.add(Dense(8, input_dim=4, activation='relu'))
model.add(Dense(3, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer=Adam(lr=0.01), metrics=['acc'])
history = model.fit(X, dummy_y, epochs=60, batch_size=10, verbose=0)
print('final acc above 0.9:', history.history['acc'][-1] > 0.9)
print('same series under both names:', history.history['acc'] == history.history['accuracy'])
predictions = model.predict(X)
print('predicted classes:', sorted(set(numpy.argmax(predictions, axis=1).tolist())))
