"""Deterministic, realistic test corpora for the benchmarks (no downloads)."""

from __future__ import annotations

import random

_PROSE = [
    "We train a convolutional neural network with stochastic gradient descent and momentum.",
    "The learning rate follows a cosine schedule after a short warm-up of a few epochs.",
    "Batch normalization and dropout regularize the model, and weight decay is set to 0.01.",
    "Self-attention lets every token attend to every other token in the context window.",
    "The results table reports accuracy, precision, recall and the F1 score on the test set.",
    "Installation is simple: clone the repository, create a virtual environment and run it.",
    "Please open an issue on the tracker if the documentation is unclear or out of date.",
    "The configuration file lives next to the project and is read when the tool starts.",
    "A long short-term memory (LSTM) network reads the sequence one step at a time.",
    "Mixed precision training with bf16 halves memory use on modern accelerators.",
    "The server logs every request and rotates its log files once a day at midnight.",
    "Fine-tuning a pretrained transformer on a small dataset risks overfitting quickly.",
]
_CODE = [
    "import torch",
    "import torch.nn as nn",
    "import torch.nn.functional as F",
    "class Block(nn.Module):",
    "    def __init__(self, channels: int, dropout: float = 0.1) -> None:",
    "        super().__init__()",
    "        self.conv = nn.Conv2d(channels, channels, kernel_size=3, padding=1)",
    "        self.bn = nn.BatchNorm2d(channels)",
    "        self.dropout = nn.Dropout(dropout)",
    "    def forward(self, x: torch.Tensor) -> torch.Tensor:",
    "        # residual connection around conv, batch norm and ReLU",
    "        return x + self.dropout(F.relu(self.bn(self.conv(x))))",
    "def train(model, loader, epochs=10, learning_rate=3e-4):",
    '    """Train the model with AdamW and a cosine learning rate schedule."""',
    "    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)",
    "    for epoch in range(epochs):",
    "        for inputs, targets in loader:",
    "            loss = F.cross_entropy(model(inputs), targets)",
    "            optimizer.zero_grad()",
    "            loss.backward()",
    "            optimizer.step()",
    "    return model",
]


# Parameter descriptions as API references word them: mostly plain English.
API_PARAMETERS = (
    ("in_features", "int", "Number of values in each input sample."),
    ("out_features", "int", "Number of values each output sample has."),
    ("bias", "bool", "If ``True``, a learnable offset is added to the output. Default: ``True``."),
    ("dropout", "float", "Probability of zeroing an element during training. Default: ``0.1``."),
    ("eps", "float", "Small value added to the denominator for numerical stability."),
    ("device", "str", "Where the parameters are allocated, such as ``\"cpu\"`` or ``\"cuda\"``."),
    ("dtype", "dtype", "Floating-point type of the parameters. Default: ``float32``."),
    ("reduction", "str", "How per-sample values are combined: ``\"mean\"`` or ``\"sum\"``."),
    ("num_heads", "int", "How many heads the module splits its inputs into."),
    ("batch_first", "bool", "If ``True``, inputs and outputs have the batch as their first axis."),
    ("momentum", "float", "Weight of the newest value in the running averages. Default: ``0.1``."),
    ("kernel_size", "int or tuple", "Size of the sliding window."),
    ("stride", "int", "Step between two applications of the window. Default: ``1``."),
    ("padding", "int", "Zeros added to both sides of the input. Default: ``0``."),
    ("generator", "Generator", "Source of randomness, for reproducible results."),
    ("inplace", "bool", "If ``True``, the input is modified in place. Default: ``False``."),
)


def prose_corpus(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    section = 0
    while total < size:
        if rng.random() < 0.05:
            section += 1
            block = f"\n## Section {section}\n\n"
        elif rng.random() < 0.05:
            block = "\n```python\n" + "\n".join(rng.sample(_CODE, 4)) + "\n```\n\n"
        else:
            block = " ".join(rng.choice(_PROSE) for _ in range(4)) + "\n\n"
        parts.append(block)
        total += len(block)
    return "".join(parts)


def code_corpus(size: int) -> str:
    block = "\n".join(_CODE) + "\n\n"
    return block * (size // len(block) + 1)
