#include "widgets/lossformulas.h"

#include "spec/losskinds.h"
#include "training/substepreport.h"

namespace {
// The colours of the terms, as in the 2D lab (real blue, generated orange).
const char *const kReal = "#1f77b4";
const char *const kFake = "#d46a00";
const char *const kPenalty = "#7b3fa0";

QString coloured(const char *colour, const QString &text)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(QLatin1String(colour), text);
}

// Pieces of notation, written once.
const QString Dx = QStringLiteral("<i>D</i>(<i>x</i>)");
const QString DGz = QStringLiteral("<i>D</i>(<i>G</i>(<i>z</i>))");
const QString Ex = QStringLiteral("E<sub><i>x</i></sub>");
const QString Ez = QStringLiteral("E<sub><i>z</i></sub>");

bool sigmoidLoss(LossKind k) { return losskind::info(k).sigmoid; }

QString realTerm(const LossSpec &loss)
{
    const double t = 1.0 - loss.labelSmoothing;
    const QString tt = LossFormulas::number(t), rest = LossFormulas::number(1.0 - t);
    switch (loss.kind) {
    case LossKind::Minimax:
    case LossKind::NonSaturating:
        if (loss.labelSmoothing > 0)
            return QStringLiteral("−%1[%2·log %3 + %4·log(1 − %3)]").arg(Ex, tt, Dx, rest);
        return QStringLiteral("−%1[log %2]").arg(Ex, Dx);
    case LossKind::LeastSquares:
        return QStringLiteral("½%1[(%2 − %3)²]").arg(Ex, Dx, loss.labelSmoothing > 0 ? tt : QStringLiteral("1"));
    case LossKind::Wasserstein:
    case LossKind::WassersteinGP:
        return QStringLiteral("−%1[%2]").arg(Ex, Dx);
    case LossKind::Hinge:
        return QStringLiteral("%1[max(0, 1 − %2)]").arg(Ex, Dx);
    }
    return QString();
}

QString fakeTerm(LossKind kind)
{
    switch (kind) {
    case LossKind::Minimax:
    case LossKind::NonSaturating:
        return QStringLiteral("−%1[log(1 − %2)]").arg(Ez, DGz);
    case LossKind::LeastSquares:
        return QStringLiteral("½%1[%2²]").arg(Ez, DGz);
    case LossKind::Wasserstein:
    case LossKind::WassersteinGP:
        return QStringLiteral("%1[%2]").arg(Ez, DGz);
    case LossKind::Hinge:
        return QStringLiteral("%1[max(0, 1 + %2)]").arg(Ez, DGz);
    }
    return QString();
}

// The penalty's term, or empty. Both can be on: R1 adds to any loss.
QString penaltyTerm(const LossSpec &loss)
{
    QStringList terms;
    if (loss.kind == LossKind::WassersteinGP)
        terms << QStringLiteral("%1·E<sub><i>x̂</i></sub>[(‖∇<i>D</i>(<i>x̂</i>)‖ − 1)²]").arg(LossFormulas::number(loss.gpLambda));
    if (loss.r1Gamma > 0)
        terms << QStringLiteral("(%1/2)·%2[‖∇%3‖²]").arg(LossFormulas::number(loss.r1Gamma), Ex, Dx);
    return terms.join(QStringLiteral(" + "));
}

QString signedTerm(double v, bool first)
{
    if (first)
        return LossFormulas::number(v);
    return v < 0 ? QStringLiteral(" − %1").arg(LossFormulas::number(-v)) : QStringLiteral(" + %1").arg(LossFormulas::number(v));
}
}  // namespace

QString LossFormulas::number(double v)
{
    QString s = QString::number(v, 'g', 4);
    if (s.startsWith(QLatin1Char('-')))
        s.replace(0, 1, QStringLiteral("−"));
    return s;
}

QString LossFormulas::discriminator(const LossSpec &loss)
{
    QString fake = fakeTerm(loss.kind), sign = QStringLiteral("+");
    if (fake.startsWith(QStringLiteral("−"))) {
        fake.remove(0, 1);
        sign = QStringLiteral("−");
    }
    QString f = QStringLiteral("<i>L</i><sub>D</sub> = %1 %2 %3").arg(coloured(kReal, realTerm(loss)), sign, coloured(kFake, fake));
    const QString penalty = penaltyTerm(loss);
    if (!penalty.isEmpty())
        f += QStringLiteral(" + ") + coloured(kPenalty, penalty);
    return f;
}

QString LossFormulas::generator(LossKind kind)
{
    switch (kind) {
    case LossKind::Minimax:
        return QStringLiteral("<i>L</i><sub>G</sub> = %1[log(1 − %2)]").arg(Ez, DGz);
    case LossKind::NonSaturating:
        return QStringLiteral("<i>L</i><sub>G</sub> = −%1[log %2]").arg(Ez, DGz);
    case LossKind::LeastSquares:
        return QStringLiteral("<i>L</i><sub>G</sub> = ½%1[(%2 − 1)²]").arg(Ez, DGz);
    case LossKind::Wasserstein:
    case LossKind::WassersteinGP:
    case LossKind::Hinge:
        return QStringLiteral("<i>L</i><sub>G</sub> = −%1[%2]").arg(Ez, DGz);
    }
    return QString();
}

QString LossFormulas::note(LossKind kind) { return losskind::note(kind); }

QString LossFormulas::others(const LossSpec &loss)
{
    QStringList lines;
    if (losskind::info(loss.kind).clipsWeights)
        lines << tr("after each D update: every weight <i>w</i> ← clip(<i>w</i>, −%1, %1)").arg(number(loss.clip));
    if (loss.instanceNoise > 0) {
        lines << (loss.instanceNoiseSteps > 0
                      ? tr("instance noise: D sees <i>x</i> + σ<i>ε</i>, <i>ε</i> ~ N(0, I), σ falls from %1 to 0 over %2 steps")
                            .arg(number(loss.instanceNoise))
                            .arg(loss.instanceNoiseSteps)
                      : tr("instance noise: D sees <i>x</i> + σ<i>ε</i>, <i>ε</i> ~ N(0, I), σ = %1").arg(number(loss.instanceNoise)));
    }
    if (loss.kind == LossKind::WassersteinGP)
        lines << tr("<i>x̂</i> = <i>εx</i> + (1 − <i>ε</i>)<i>G</i>(<i>z</i>), <i>ε</i> ~ U(0, 1) per sample");
    return lines.join(QStringLiteral("<br>"));
}

QString LossFormulas::conditional(const ConditioningSpec &c)
{
    const QString generatorForm = tr("conditional: <i>G</i>(<i>z</i>, <i>y</i>) = <i>G</i>([<i>z</i>, <i>e</i>(<i>y</i>)]) with a "
                                     "learned embedding <i>e</i> of %1 numbers; <i>y</i> is the real sample's label, and for "
                                     "fakes a class drawn uniformly from %2")
                                      .arg(c.embedding)
                                      .arg(c.classes);
    switch (c.kind) {
    case ConditioningKind::None:
        return QString();
    case ConditioningKind::Concat:
        return generatorForm + QStringLiteral("<br>")
            + tr("<i>D</i>(<i>x</i>, <i>y</i>) = <i>D</i>([<i>x</i>, onehot(<i>y</i>)]): the class joins the input as %1 "
                 "channels (cGAN, Mirza &amp; Osindero 2014)")
                  .arg(c.classes);
    case ConditioningKind::Projection:
        return generatorForm + QStringLiteral("<br>")
            + tr("<i>D</i>(<i>x</i>, <i>y</i>) = <i>ψ</i>(<i>φ</i>(<i>x</i>)) + <i>e</i><sub>D</sub>(<i>y</i>)·<i>φ</i>(<i>x</i>): "
                 "the score plus the class embedding's inner product with the features (projection, Miyato &amp; Koyama 2018)");
    case ConditioningKind::Auxiliary:
        return generatorForm + QStringLiteral("<br>")
            + tr("AC-GAN: <i>L</i><sub>D</sub> += %1·(CE(<i>C</i>(<i>x</i>), <i>y</i>) + CE(<i>C</i>(<i>G</i>(<i>z</i>, <i>y</i>)), "
                 "<i>y</i>)), <i>L</i><sub>G</sub> += %1·CE(<i>C</i>(<i>G</i>(<i>z</i>, <i>y</i>)), <i>y</i>): a second head "
                 "<i>C</i> of D names the class (Odena et al. 2017)")
                  .arg(number(c.auxWeight));
    }
    return QString();
}

QString LossFormulas::definition(const LossSpec &loss, const ConditioningSpec &conditioning)
{
    QString html = discriminator(loss) + QStringLiteral("<br>") + generator(loss.kind);
    if (const QString o = others(loss); !o.isEmpty())
        html += QStringLiteral("<br>") + o;
    if (const QString c = conditional(conditioning); !c.isEmpty())
        html += QStringLiteral("<br>") + c;
    return html + QStringLiteral("<br><small>%1</small>").arg(note(loss.kind));
}

QString LossFormulas::discriminatorWithNumbers(const SubstepReport &r)
{
    QString values = coloured(kReal, signedTerm(r.lossReal, true)) + coloured(kFake, signedTerm(r.lossFake, false));
    if (r.loss.kind == LossKind::WassersteinGP || r.loss.r1Gamma > 0)
        values += coloured(kPenalty, signedTerm(r.penalty, false));
    return discriminator(r.loss) + QStringLiteral("<br>&nbsp;&nbsp;&nbsp;&nbsp;= %1 = <b>%2</b>").arg(values, number(r.lossD));
}

QString LossFormulas::generatorWithNumbers(const SubstepReport &r)
{
    return generator(r.loss.kind) + QStringLiteral(" = <b>%1</b>").arg(number(r.lossG));
}
