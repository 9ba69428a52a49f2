# Comparing configurations by name: matplotlib places string x values as categories
import matplotlib.pyplot as plt
from sklearn.datasets import make_moons
from keras.models import Sequential
from keras.layers import Dense

X, y = make_moons(n_samples=200, noise=0.25, random_state=4)
names, scores = [], []
for activation in ['relu', 'tanh', 'sigmoid']:
    model = Sequential([Dense(16, input_dim=2, activation=activation), Dense(1, activation='sigmoid')])
    model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
    model.fit(X, y, epochs=60, verbose=0)
    names.append(activation)
    scores.append(model.evaluate(X, y, verbose=0)[1])
plt.plot(names, scores, marker='o')
plt.bar(names, scores, alpha=0.3)
plt.ylabel('train accuracy')
plt.title('accuracy by activation')
plt.show()
print(names, all(0 <= s <= 1 for s in scores))
