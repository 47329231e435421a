#include "losses_p.h"

#include "spec/losskinds.h"

namespace losses {

bool usesSigmoid(LossKind kind)
{
    return losskind::info(kind).sigmoid;
}

DiscriminatorLoss discriminator(LossKind kind, const at::Tensor &realOut, const at::Tensor &fakeOut, double realTarget)
{
    DiscriminatorLoss l;
    switch (kind) {
    case LossKind::Minimax:
    case LossKind::NonSaturating:
        // BCE with target t on logit s: t * softplus(-s) + (1 - t) * softplus(s).
        l.real = (realTarget * at::softplus(-realOut) + (1.0 - realTarget) * at::softplus(realOut)).mean();
        l.fake = at::softplus(fakeOut).mean();  // -log(1 - D(G(z)))
        break;
    case LossKind::LeastSquares:  // Mao et al. 2017, a-b-c = 0-1-1
        l.real = 0.5 * (realOut - realTarget).pow(2).mean();
        l.fake = 0.5 * fakeOut.pow(2).mean();
        break;
    case LossKind::Wasserstein:
    case LossKind::WassersteinGP:
        l.real = -realOut.mean();
        l.fake = fakeOut.mean();
        break;
    case LossKind::Hinge:
        l.real = at::relu(1.0 - realOut).mean();
        l.fake = at::relu(1.0 + fakeOut).mean();
        break;
    }
    return l;
}

at::Tensor generator(LossKind kind, const at::Tensor &fakeOut)
{
    switch (kind) {
    case LossKind::Minimax:
        // The saturating form of Goodfellow et al. 2014: minimise log(1 - D(G(z))).
        return -at::softplus(fakeOut).mean();
    case LossKind::NonSaturating:
        return at::softplus(-fakeOut).mean();  // -log D(G(z))
    case LossKind::LeastSquares:
        return 0.5 * (fakeOut - 1.0).pow(2).mean();
    case LossKind::Wasserstein:
    case LossKind::WassersteinGP:
    case LossKind::Hinge:
        return -fakeOut.mean();
    }
    return {};
}

at::Tensor meanScore(LossKind kind, const at::Tensor &out)
{
    return usesSigmoid(kind) ? at::sigmoid(out).mean() : out.mean();
}

}  // namespace losses
