# 2023 style: TensorFlow 2.11+ scripts pinning the legacy optimizers
from sklearn.datasets import make_classification
from tensorflow import keras
from tensorflow.keras.optimizers.legacy import Adam, SGD

X, y = make_classification(n_samples=400, n_features=10, n_informative=5, random_state=2)
model = keras.Sequential([keras.layers.Dense(16, activation='relu', input_shape=(10,)),
                          keras.layers.Dense(1, activation='sigmoid')])
model.compile(optimizer=Adam(learning_rate=1e-3, decay=1e-4), loss='binary_crossentropy', metrics=['accuracy'])
history = model.fit(X, y, epochs=30, batch_size=32, verbose=0)
print('loss fell:', history.history['loss'][-1] < history.history['loss'][0])
print('optimizer:', type(model.optimizer).__name__ if hasattr(model, 'optimizer') else 'none')
