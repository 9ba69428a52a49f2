# 2018 style: predict_classes and predict_proba, a confusion matrix by hand
import numpy as np
from sklearn.datasets import make_moons
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import Dense

X, y = make_moons(n_samples=300, noise=0.2, random_state=5)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=5)
model = Sequential()
model.add(Dense(20, input_dim=2, activation='relu'))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['acc'])
model.fit(X_train, y_train, epochs=150, verbose=0)
classes = model.predict_classes(X_test)
probabilities = model.predict_proba(X_test)
print(classes.shape, probabilities.shape)
print('classes agree with the probabilities:', bool(((probabilities > 0.5).astype(int) == classes).all()))
tp = int(((classes[:, 0] == 1) & (y_test == 1)).sum())
tn = int(((classes[:, 0] == 0) & (y_test == 0)).sum())
print('accuracy above 0.85:', (tp + tn) / len(y_test) > 0.85)
