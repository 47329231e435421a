#include "losskinds.h"

#include <QCoreApplication>

namespace losskind {

const std::vector<LossKindInfo> &all()
{
    static const std::vector<LossKindInfo> table = {
        {LossKind::Minimax, "minimax", QT_TRANSLATE_NOOP("LossKinds", "minimax (original, saturating)"),
         QT_TRANSLATE_NOOP("LossKinds", "The original minimax game. G's loss saturates: while D confidently rejects the fakes, "
                                        "log(1 − D(G(z))) is flat and G gets almost no gradient."),
         true},
        {LossKind::NonSaturating, "non-saturating", QT_TRANSLATE_NOOP("LossKinds", "non-saturating"),
         QT_TRANSLATE_NOOP("LossKinds", "The same fixed point as minimax, but G maximises log D(G(z)) instead: strong gradients "
                                        "exactly when D wins. D(x) is a probability: the sigmoid of D's output."),
         true},
        {LossKind::LeastSquares, "least-squares", QT_TRANSLATE_NOOP("LossKinds", "least squares (LSGAN)"),
         QT_TRANSLATE_NOOP("LossKinds", "LSGAN: squared distances to the targets 1 (real) and 0 (fake) also pull on samples D "
                                        "already classifies correctly.")},
        {LossKind::Wasserstein, "wasserstein", QT_TRANSLATE_NOOP("LossKinds", "Wasserstein (weight clipping)"),
         QT_TRANSLATE_NOOP("LossKinds", "WGAN: D is a critic whose score difference estimates the Wasserstein distance; clipping "
                                        "its weights keeps it roughly 1-Lipschitz, at the cost of its capacity."),
         false, true, true, false, true},
        {LossKind::WassersteinGP, "wasserstein-gp", QT_TRANSLATE_NOOP("LossKinds", "Wasserstein with gradient penalty"),
         QT_TRANSLATE_NOOP("LossKinds", "WGAN-GP: the penalty keeps the critic's gradient norm near 1 between real and fake "
                                        "samples, instead of clipping its weights."),
         false, true, true, true, false},
        {LossKind::Hinge, "hinge", QT_TRANSLATE_NOOP("LossKinds", "hinge"),
         QT_TRANSLATE_NOOP("LossKinds", "Hinge: D only learns from samples inside the margin (score below 1 for real, above −1 "
                                        "for fake)."),
         false, false, true},
    };
    return table;
}

int indexOf(LossKind kind)
{
    const std::vector<LossKindInfo> &table = all();
    for (size_t i = 0; i < table.size(); ++i)
        if (table[i].kind == kind)
            return int(i);
    Q_UNREACHABLE();  // tst_specjson checks that every kind has its row
}

const LossKindInfo &info(LossKind kind) { return all()[size_t(indexOf(kind))]; }

QString label(LossKind kind) { return QCoreApplication::translate("LossKinds", info(kind).label); }

QString note(LossKind kind) { return QCoreApplication::translate("LossKinds", info(kind).note); }

}  // namespace losskind
