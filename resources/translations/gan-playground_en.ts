<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>step %1, %n past the budget of %2</source>
        <translation>
            <numerusform>step %1, %n past the budget of %2</numerusform>
            <numerusform>step %1, %n past the budget of %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Written by a process on another machine: it counts as stopped when nothing changes for %n minute(s).</source>
        <translation>
            <numerusform>Written by a process on another machine: it counts as stopped when nothing changes for %n minute.</numerusform>
            <numerusform>Written by a process on another machine: it counts as stopped when nothing changes for %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataParallel</name>
    <message numerus="yes">
        <source>rank(s) %1 of %2 stopped answering (ended or hung), so the run ends (%3)</source>
        <translation>
            <numerusform>rank %1 of %2 stopped answering (ended or hung), so the run ends (%3)</numerusform>
            <numerusform>ranks %1 of %2 stopped answering (ended or hung), so the run ends (%3)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPath</name>
    <message numerus="yes">
        <source>%1: %n image(s) in %2 class folders</source>
        <translation>
            <numerusform>%1: %n image in %2 class folders</numerusform>
            <numerusform>%1: %n images in %2 class folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n image(s), no class folders</source>
        <translation>
            <numerusform>%1: %n image, no class folders</numerusform>
            <numerusform>%1: %n images, no class folders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lab2dView</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n generated point(s) off view&lt;/b&gt; (marked on the border).</source>
        <translation>
            <numerusform>&lt;b&gt;%n generated point off view&lt;/b&gt; (marked on the border).</numerusform>
            <numerusform>&lt;b&gt;%n generated points off view&lt;/b&gt; (marked on the border).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LatentExplorer</name>
    <message numerus="yes">
        <source>%n direction(s) saved with the experiment.</source>
        <translation>
            <numerusform>%n direction saved with the experiment.</numerusform>
            <numerusform>%n directions saved with the experiment.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved direction(s) belong to another latent size and are not shown.</source>
        <translation>
            <numerusform>%n saved direction belongs to another latent size and is not shown.</numerusform>
            <numerusform>%n saved directions belong to another latent size and are not shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n frame(s) to %1</source>
        <translation>
            <numerusform>Wrote %n frame to %1</numerusform>
            <numerusform>Wrote %n frames to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerStackEditor</name>
    <message numerus="yes">
        <source>%n problem(s): hover a red layer to read it</source>
        <translation>
            <numerusform>%n problem: hover the red layer to read it</numerusform>
            <numerusform>%n problems: hover a red layer to read them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>&lt;p&gt;Matrix products: %1, %2 GFLOP/s with %n thread(s) (measured at start-up).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Matrix products: %1, %2 GFLOP/s with %n thread (measured at start-up).&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Matrix products: %1, %2 GFLOP/s with %n threads (measured at start-up).&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QualityPlot</name>
    <message numerus="yes">
        <source>%n measurement(s) came with the checkpoint.</source>
        <translation>
            <numerusform>%n measurement came with the checkpoint.</numerusform>
            <numerusform>%n measurements came with the checkpoint.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due measurement(s) skipped (×): the measures rest nineteen times as long as one takes, so that the training keeps its pace.</source>
        <translation>
            <numerusform>%n due measurement skipped (×): the measures rest nineteen times as long as one takes, so that the training keeps its pace.</numerusform>
            <numerusform>%n due measurements skipped (×): the measures rest nineteen times as long as one takes, so that the training keeps its pace.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message numerus="yes">
        <source>Wrote %n grid(s) to %1</source>
        <translation>
            <numerusform>Wrote %n grid to %1</numerusform>
            <numerusform>Wrote %n grids to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)/s</source>
        <translation>
            <numerusform>%n step/s</numerusform>
            <numerusform>%n steps/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScriptExport</name>
    <message numerus="yes">
        <source>Exported %1 (%n file(s)); run it with python3 %2 --steps 20</source>
        <translation>
            <numerusform>Exported %1 (%n file); run it with python3 %2 --steps 20</numerusform>
            <numerusform>Exported %1 (%n files); run it with python3 %2 --steps 20</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message numerus="yes">
        <source>%n real point(s) from %1</source>
        <translation>
            <numerusform>%n real point from %1</numerusform>
            <numerusform>%n real points from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First %n real sample(s) of %1, %2×%3×%4</source>
        <translation>
            <numerusform>First %n real sample of %1, %2×%3×%4</numerusform>
            <numerusform>First %n real samples of %1, %2×%3×%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThreadGovernor</name>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Training threads now. Training &gt; Threads chooses how a run shares this machine&apos;s %n core(s) with the window.</source>
        <translation>
            <numerusform>Training threads now. Training &gt; Threads chooses how a run shares this machine&apos;s %n core with the window.</numerusform>
            <numerusform>Training threads now. Training &gt; Threads chooses how a run shares this machine&apos;s %n cores with the window.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trains with the experiment&apos;s threads (at most the %n core(s) of this machine) and with one fewer for a moment whenever you work in the window, it falls behind or the image quality is measured, so that the window stays smooth and the measures do not hold up every step</source>
        <translation>
            <numerusform>Trains with the experiment&apos;s threads (at most the %n core of this machine) and with one fewer for a moment whenever you work in the window, it falls behind or the image quality is measured, so that the window stays smooth and the measures do not hold up every step</numerusform>
            <numerusform>Trains with the experiment&apos;s threads (at most the %n cores of this machine) and with one fewer for a moment whenever you work in the window, it falls behind or the image quality is measured, so that the window stays smooth and the measures do not hold up every step</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message numerus="yes">
        <source>there is no GPU cuda:%1 here: this machine has %n GPU(s)</source>
        <translation>
            <numerusform>there is no GPU cuda:%1 here: this machine has %n GPU</numerusform>
            <numerusform>there is no GPU cuda:%1 here: this machine has %n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n core(s))</source>
        <translation>
            <numerusform>CPU (%n core)</numerusform>
            <numerusform>CPU (%n cores)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%1, %n core(s))</source>
        <translation>
            <numerusform>CPU (%1, %n core)</numerusform>
            <numerusform>CPU (%1, %n cores)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>experiment:        %1 (batch %2, %n thread(s))</source>
        <translation>
            <numerusform>experiment:        %1 (batch %2, %n thread)</numerusform>
            <numerusform>experiment:        %1 (batch %2, %n threads)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n problem:</numerusform>
            <numerusform>%n problems:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>processes:         %1 (each %2 of the batch, %n thread(s))</source>
        <translation>
            <numerusform>processes:         %1 (each %2 of the batch, %n thread)</numerusform>
            <numerusform>processes:         %1 (each %2 of the batch, %n threads)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>roof GFLOP/s:      %1 in LibTorch&apos;s fastest kernel here (%2, %3, %n thread(s))</source>
        <translation>
            <numerusform>roof GFLOP/s:      %1 in LibTorch&apos;s fastest kernel here (%2, %3, %n thread)</numerusform>
            <numerusform>roof GFLOP/s:      %1 in LibTorch&apos;s fastest kernel here (%2, %3, %n threads)</numerusform>
        </translation>
    </message>
</context>
</TS>
