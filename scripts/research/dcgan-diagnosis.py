#!/usr/bin/env python3
"""Why dcganMnist's trained start caps near classifier score 6-7 (issue 17): a PyTorch screen.

    OMP_NUM_THREADS=1 /usr/bin/python3 scripts/research/dcgan-diagnosis.py [--steps 3000] [--every 1000]
        [--seed 1] [--C 16] [--CD C] [--g-extra 0|1] [--d-extra none|conv|dense] [--ema DECAY] [--quantize]

Trains the dcganMnist preset's networks and settings as the exported script builds them
(src/features/share/pytorchParts.ts dcgan: init N(0, 0.02), Adam β1 0.5 ε 1e-7, G 5e-4, D 2e-4,
batch 32, latent 32, the non-saturating loss, D's real and fake batches through batch norm apart) on
the 9,000 training digits of public/data/mnist.bin, and judges G on 1,000 fixed N(0, 1) latents with
the project's digit classifier (public/models/digit-classifier.*, ported: TF 'same' padding, NHWC
flatten; it reads the 1,000 held-out digits 0.985 accurate, score 9.54). Every --every iterations one
JSON line: the score exp(H(y) − E[H(y|x)]) split into H(y) (class balance; ln 10 = 2.303 is perfect)
and E[H(y|x)] (how unsure the classifier is of each digit; real digits 0.05), the classes with ≥ 1%,
the share read with p ≥ 0.9, the per-class counts, and the score with batch norm in training mode on
batches of 32 (train32: the page draws in inference mode, with the running statistics).

Shapes beyond the earlier preset's (the defaults build the networks dcgan.ts had before; it now has
--g-extra 1 --d-extra conv3, which this screen chose): --d-extra conv adds a
third strided convolution to D (7×7×2C → 4×4×4C, BN, LeakyReLU, then the linear score), so D's
features see the whole digit (the preset's two 4×4/2 layers see 10×10 pixels each and only a linear
layer joins them); --d-extra conv3 the same with a 3×3 kernel (7×7 → 4×4, which TensorFlow's
'same' padding pads as PyTorch's padding 1 does); --d-extra dense a hidden dense layer of 256 instead; --g-extra 1 a 3×3 convolution
(2C → 2C, BN, ReLU) at G's 7×7 grid. --quantize judges G again with its tensors of ≥ 1,024 values
8-bit, as public/models/ ships them (src/features/presets/trainedModel.ts). --standing N judges G's
average again with batch norm's statistics recomputed over N batches of its own activations.

With --g-extra 1 --d-extra conv3 (C 16, G's average 0.999–0.9995): seed 1 7.4 / 7.6 / 7.7 and seed 2
7.8 / 7.9 / 7.9 at 12,000 / 18,000 / 24,000 iterations; C 32 at seed 2 7.8 at 10,500 (16: 7.8 at
12,000); D at 5e-4 or both at 2e-4 no better by 10,500; recomputed statistics 7.54 against 7.59.
"""
import argparse, copy, json, math, os, struct, time
import torch, torch.nn as nn, torch.nn.functional as F

PUBLIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'public')
p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
p.add_argument('--C', type=int, default=16, help="G's channels (the 14x14 layer; 7x7 has 2C)")
p.add_argument('--CD', type=int, default=0, help="D's channels (default: C)")
p.add_argument('--latent', type=int, default=32); p.add_argument('--batch', type=int, default=32)
p.add_argument('--glr', type=float, default=5e-4); p.add_argument('--dlr', type=float, default=2e-4)
p.add_argument('--beta1', type=float, default=0.5)
p.add_argument('--steps', type=int, default=3000); p.add_argument('--every', type=int, default=1000)
p.add_argument('--seed', type=int, default=1); p.add_argument('--ema', type=float, default=0)
p.add_argument('--g-extra', type=int, default=0); p.add_argument('--d-extra', default='none', choices=['none', 'conv', 'conv3', 'dense'])
p.add_argument('--quantize', action='store_true')
p.add_argument('--standing', type=int, default=0, help="also judge G's average with batch norm's statistics recomputed over this many batches")
a = p.parse_args()


def load_classifier():
    m = json.load(open(f'{PUBLIC}/models/digit-classifier.json'))
    values = torch.frombuffer(bytearray(open(f'{PUBLIC}/models/digit-classifier.bin', 'rb').read()), dtype=torch.float32)
    w, offset = {}, 0
    for entry in m['weights']:
        n = math.prod(entry['shape'])
        w[entry['name']] = values[offset:offset + n].view(*entry['shape']).clone()
        offset += n
    k1 = w['conv1_kernel'].permute(3, 2, 0, 1).contiguous()  # [h, w, in, out] -> [out, in, h, w]
    k2 = w['conv2_kernel'].permute(3, 2, 0, 1).contiguous()

    def logits(x):  # [n, 784] in [-1, 1] -> [n, 10]
        x = x.view(-1, 1, 28, 28)
        h = F.relu(F.conv2d(F.pad(x, (1, 2, 1, 2)), k1, w['conv1_bias'], stride=2))  # TF 'same': 1 before, 2 after
        h = F.relu(F.conv2d(F.pad(h, (1, 2, 1, 2)), k2, w['conv2_bias'], stride=2))
        return h.permute(0, 2, 3, 1).reshape(x.shape[0], -1) @ w['dense_kernel'] + w['dense_bias']  # NHWC flatten
    return logits


def load_mnist():
    data = open(f'{PUBLIC}/data/mnist.bin', 'rb').read()
    _, _, count, _, _, held_out = struct.unpack_from('<4sIIHHI', data, 0)
    pixels = torch.frombuffer(bytearray(data[20:20 + count * 784]), dtype=torch.uint8).view(count, 784)
    return pixels[:count - held_out].float() / 127.5 - 1


def metrics(logits, x):
    with torch.no_grad():
        p = torch.softmax(logits(x), 1).double()
    marginal = p.mean(0)
    hy = -(marginal * marginal.clamp_min(1e-30).log()).sum().item()
    hyx = -(p * p.clamp_min(1e-30).log()).sum(1).mean().item()
    counts = torch.bincount(p.argmax(1), minlength=10).tolist()
    return {'score': round(math.exp(hy - hyx), 3), 'Hy': round(hy, 3), 'Hyx': round(hyx, 3),
            'classes': sum(c >= 0.01 * len(x) for c in counts), 'conf': round((p.max(1).values >= 0.9).double().mean().item(), 3),
            'counts': counts}


torch.manual_seed(a.seed)
C = a.C
CD = a.CD or C
classify = load_classifier()
X = load_mnist()


class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)


G = nn.Sequential(
    nn.Linear(a.latent, 49 * 2 * C, bias=False), Reshape(2 * C, 7, 7), nn.BatchNorm2d(2 * C), nn.ReLU(),
    *([nn.Conv2d(2 * C, 2 * C, 3, 1, 1, bias=False), nn.BatchNorm2d(2 * C), nn.ReLU()] if a.g_extra else []),
    nn.ConvTranspose2d(2 * C, C, 4, 2, 1, bias=False), nn.BatchNorm2d(C), nn.ReLU(),
    nn.ConvTranspose2d(C, 1, 4, 2, 1), nn.Tanh(), Reshape(784))
D = nn.Sequential(
    Reshape(1, 28, 28), nn.Conv2d(1, CD, 4, 2, 1), nn.LeakyReLU(0.2),
    nn.Conv2d(CD, 2 * CD, 4, 2, 1, bias=False), nn.BatchNorm2d(2 * CD), nn.LeakyReLU(0.2),
    # Only the chosen head is built: building a module draws from torch's generator.
    *({'conv': lambda: [nn.Conv2d(2 * CD, 4 * CD, 4, 2, 1, bias=False), nn.BatchNorm2d(4 * CD), nn.LeakyReLU(0.2),
                        nn.Flatten(), nn.Linear(9 * 4 * CD, 1)],
       'conv3': lambda: [nn.Conv2d(2 * CD, 4 * CD, 3, 2, 1, bias=False), nn.BatchNorm2d(4 * CD), nn.LeakyReLU(0.2),
                         nn.Flatten(), nn.Linear(16 * 4 * CD, 1)],
       'dense': lambda: [nn.Flatten(), nn.Linear(49 * 2 * CD, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1)],
       'none': lambda: [nn.Flatten(), nn.Linear(49 * 2 * CD, 1)]}[a.d_extra]()))


def init(m):
    if isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
        nn.init.normal_(m.weight, 0, 0.02)
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.normal_(m.weight, 1, 0.02)
        nn.init.zeros_(m.bias)


G.apply(init)
D.apply(init)
average = copy.deepcopy(G).requires_grad_(False) if a.ema else None
g_opt = torch.optim.Adam(G.parameters(), a.glr, betas=(a.beta1, 0.999), eps=1e-7)
d_opt = torch.optim.Adam(D.parameters(), a.dlr, betas=(a.beta1, 0.999), eps=1e-7)
fixed = torch.randn(1000, a.latent, generator=torch.Generator().manual_seed(a.seed + 1))


def quantized(state):
    """8 bits per tensor of >= 1,024 values, each with its own range (trainedModel.ts encodeTensors)."""
    out = {}
    for k, v in state.items():
        if v.is_floating_point() and v.numel() >= 1024:
            low, step = v.min(), (v.max() - v.min()) / 255
            out[k] = low + torch.round((v - low) / step) * step if step > 0 else v
        else:
            out[k] = v
    return out


def standing(net):
    """A copy of `net` whose batch norms hold the population statistics of its own activations
    (cumulative averages over --standing batches of fresh noise), not the copied running ones."""
    net = copy.deepcopy(net)
    norms = [m for m in net.modules() if isinstance(m, nn.BatchNorm2d)]
    for m in norms:
        m.reset_running_stats()
        m.momentum = None
    net.train()
    with torch.no_grad():
        for _ in range(a.standing):
            net(torch.randn(a.batch, a.latent))
    return net


def judge(net):
    with torch.no_grad():
        net.eval()
        line = metrics(classify, net(fixed))
        state = copy.deepcopy(net.state_dict())
        net.train()
        line['train32'] = metrics(classify, torch.cat([net(fixed[i:i + 32]) for i in range(0, 1000, 32)]))['score']
        net.load_state_dict(state)
        if a.quantize:
            net.load_state_dict(quantized(state))
            net.eval()
            line['uint8'] = metrics(classify, net(fixed))['score']
            net.load_state_dict(state)
        net.train()
    return line


started = time.time()
for it in range(1, a.steps + 1):
    real = X[torch.randint(len(X), (a.batch,))]
    fake = G(torch.randn(a.batch, a.latent)).detach()
    d_loss = F.softplus(-D(real)).mean() + F.softplus(D(fake)).mean()
    d_opt.zero_grad(); d_loss.backward(); d_opt.step()
    g_loss = F.softplus(-D(G(torch.randn(a.batch, a.latent)))).mean()
    g_opt.zero_grad(); g_loss.backward(); g_opt.step()
    if average is not None:
        with torch.no_grad():
            for x, y in zip(average.parameters(), G.parameters()):
                x.lerp_(y, 1 - a.ema)
            for x, y in zip(average.buffers(), G.buffers()):
                x.copy_(y)
    if it % a.every == 0:
        line = {'iteration': it, 'seconds': round(time.time() - started), 'dLoss': round(d_loss.item(), 3),
                'gLoss': round(g_loss.item(), 3), **judge(G)}
        if average is not None:
            line['average'] = judge(average)['score']
            if a.standing:
                line['standing'] = judge(standing(average))['score']
        print(json.dumps(line), flush=True)
