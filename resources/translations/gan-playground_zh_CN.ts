<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AtomicFile</name>
    <message>
        <source>disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation>超出磁盘配额</translation>
    </message>
    <message>
        <source>file size limit reached</source>
        <translation>达到文件大小上限</translation>
    </message>
    <message>
        <source>the write was cut short</source>
        <translation>写入被中断</translation>
    </message>
    <message>
        <source>%1 (wrote %2 of %3 bytes)</source>
        <translation>%1（已写入 %3 字节中的 %2 字节）</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>the previous %1 is unchanged</source>
        <translation>原来的%1没有改动</translation>
    </message>
    <message>
        <source>no %1 was written</source>
        <translation>没有写入任何%1</translation>
    </message>
    <message>
        <source>%1: cannot write the %2 (%3); choose a writable folder</source>
        <translation>%1：无法写入%2（%3）；请选择一个可写的文件夹</translation>
    </message>
    <message>
        <source>%1: %2; %3. Free some space or choose another folder.</source>
        <translation>%1：%2；%3。请释放一些空间，或选择另一个文件夹。</translation>
    </message>
    <message>
        <source>%1: writing the %2 failed (%3); %4</source>
        <translation>%1：写入%2失败（%3）；%4</translation>
    </message>
    <message>
        <source>%1: is a symbolic link (to %2); a run folder&apos;s files must be its own, so it is not written through. Remove the link and try again</source>
        <translation>%1：是一个符号链接（指向 %2）；运行文件夹里的文件必须是它自己的，所以不会通过链接写入。请删除这个链接后重试</translation>
    </message>
    <message>
        <source>%1: is a symbolic link to %2, which does not exist; give the path of a file</source>
        <translation>%1：是指向 %2 的符号链接，而 %2 不存在；请给出一个文件的路径</translation>
    </message>
    <message>
        <source>%1: is a folder; give a file name</source>
        <translation>%1：是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <source>%1: not a regular file (a device, pipe or socket), so it is not replaced; give a file name</source>
        <translation>%1：不是普通文件（是设备、管道或套接字），所以不会替换它；请给出文件名</translation>
    </message>
</context>
<context>
    <name>AutoSave</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>the experiment &quot;%1&quot; with changes that were not saved</source>
        <translation>有未保存更改的实验“%1”</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>a training run at step %1</source>
        <translation>一个进行到第 %1 步的训练运行</translation>
    </message>
    <message>
        <source>its training run at step %1</source>
        <translation>它进行到第 %1 步的训练运行</translation>
    </message>
    <message>
        <source>Restore your work?</source>
        <translation>恢复你的工作？</translation>
    </message>
    <message>
        <source>GAN Playground did not close properly (last autosave %1). It left %2. Restore it?</source>
        <translation>GAN Playground 上次没有正常关闭（最后一次自动保存于 %1）。它留下了%2。要恢复吗？</translation>
    </message>
    <message>
        <source> and </source>
        <translation>以及</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>The autosaved experiment cannot be read: %1</source>
        <translation>无法读取自动保存的实验：%1</translation>
    </message>
    <message>
        <source>The interrupted run&apos;s checkpoint could not be copied out of %1; it stays there</source>
        <translation>无法把中断运行的检查点从 %1 复制出来；它仍留在那里</translation>
    </message>
    <message>
        <source>Restored: the run continues from step %1 (its checkpoint: %2)</source>
        <translation>已恢复：运行从第 %1 步继续（检查点：%2）</translation>
    </message>
    <message>
        <source>Restored the experiment with its unsaved changes; the interrupted run (step %1) is in %2: Training &gt; Resume from Checkpoint continues it</source>
        <translation>已恢复实验及其未保存的更改；中断的运行（第 %1 步）在 %2：用“训练 &gt; 从检查点继续”可继续它</translation>
    </message>
    <message>
        <source>Restored the experiment with its unsaved changes</source>
        <translation>已恢复实验及其未保存的更改</translation>
    </message>
</context>
<context>
    <name>BatchStrip</name>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>The batch appears here at substep 1.</source>
        <translation>批次会在第 1 个子步骤出现在这里。</translation>
    </message>
</context>
<context>
    <name>BlasProbe</name>
    <message>
        <source>WARNING: matrix products run at %1 GFLOP/s on %2. This looks like the reference BLAS: training will be about 5x slower. Install libopenblas0-openmp (sudo apt-get install libopenblas0-openmp).</source>
        <translation>警告：矩阵乘法在 %2 上只有 %1 GFLOP/s。这看起来是参考 BLAS：训练会慢大约 5 倍。请安装 libopenblas0-openmp（sudo apt-get install libopenblas0-openmp）。</translation>
    </message>
    <message>
        <source>an unknown BLAS</source>
        <translation>未知的 BLAS</translation>
    </message>
</context>
<context>
    <name>Checkpoint</name>
    <message>
        <source>its zip64 end locator is missing</source>
        <translation>缺少 zip64 结束定位符</translation>
    </message>
    <message>
        <source>its zip64 end record is damaged</source>
        <translation>zip64 结束记录已损坏</translation>
    </message>
    <message>
        <source>its zip directory lies outside the file</source>
        <translation>zip 目录位于文件之外</translation>
    </message>
    <message>
        <source>its zip directory claims %1 entries in %2 bytes</source>
        <translation>zip 目录声称在 %2 字节中有 %1 个条目</translation>
    </message>
    <message>
        <source>zip directory entry %1 is damaged</source>
        <translation>zip 目录第 %1 项已损坏</translation>
    </message>
    <message>
        <source>zip directory entry %1 runs past the directory</source>
        <translation>zip 目录第 %1 项超出了目录范围</translation>
    </message>
    <message>
        <source>entry %1 has a damaged extra field</source>
        <translation>条目 %1 的扩展字段已损坏</translation>
    </message>
    <message>
        <source>entry %1 has a damaged zip64 field</source>
        <translation>条目 %1 的 zip64 字段已损坏</translation>
    </message>
    <message>
        <source>entry %1 uses compression method %2, which checkpoints do not use</source>
        <translation>条目 %1 使用压缩方法 %2，检查点不使用这种方法</translation>
    </message>
    <message>
        <source>entry %1 has two different sizes</source>
        <translation>条目 %1 有两个不同的大小</translation>
    </message>
    <message>
        <source>entry %1 has no local header where the directory says</source>
        <translation>条目 %1 在目录所指的位置没有本地文件头</translation>
    </message>
    <message>
        <source>entry %1: its local header names another entry</source>
        <translation>条目 %1：它的本地文件头指向另一个条目</translation>
    </message>
    <message>
        <source>entry %1 runs past the end of its data</source>
        <translation>条目 %1 超出了其数据的末尾</translation>
    </message>
    <message>
        <source>entry %1 fails its checksum</source>
        <translation>条目 %1 校验和不符</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>%1: cannot save the checkpoint: %2; the previous checkpoint is unchanged</source>
        <translation>%1：无法保存检查点：%2；原来的检查点没有改动</translation>
    </message>
    <message>
        <source>%1: not a regular file; choose a checkpoint.pt written by GAN Playground</source>
        <translation>%1：不是普通文件；请选择由 GAN Playground 写出的 checkpoint.pt</translation>
    </message>
    <message>
        <source>%1: cannot open the checkpoint (%2)</source>
        <translation>%1：无法打开检查点（%2）</translation>
    </message>
    <message>
        <source>%1: the checkpoint is damaged or not a checkpoint (%2); nothing was loaded. Use an earlier copy or train the run again.</source>
        <translation>%1：检查点已损坏或不是检查点（%2）；没有加载任何内容。请使用较早的副本，或重新训练。</translation>
    </message>
    <message>
        <source>%1: not a GAN Playground checkpoint</source>
        <translation>%1：不是 GAN Playground 的检查点</translation>
    </message>
    <message>
        <source>%1: checkpoint version %2 is not supported by this program</source>
        <translation>%1：本程序不支持检查点版本 %2</translation>
    </message>
    <message>
        <source>%1: the checkpoint holds no experiment</source>
        <translation>%1：检查点中没有实验</translation>
    </message>
    <message>
        <source>%1: damaged or not a checkpoint (it cannot be read as one)</source>
        <translation>%1：已损坏或不是检查点（无法按检查点读取）</translation>
    </message>
    <message>
        <source>%1: the checkpoint&apos;s experiment is not text</source>
        <translation>%1：检查点中的实验不是文本</translation>
    </message>
    <message>
        <source> (experiment)</source>
        <translation>（实验）</translation>
    </message>
    <message>
        <source>%1: saved from a different architecture (the generator differs at layer %2); open the experiment it was saved with</source>
        <translation>%1：保存时的网络结构不同（生成器在第 %2 层不同）；请打开保存它时所用的实验</translation>
    </message>
    <message>
        <source>%1: saved from a different architecture (the discriminator differs at layer %2); open the experiment it was saved with</source>
        <translation>%1：保存时的网络结构不同（判别器在第 %2 层不同）；请打开保存它时所用的实验</translation>
    </message>
    <message>
        <source>%1: saved with latent size %2, this experiment uses %3</source>
        <translation>%1：保存时潜在向量维度为 %2，本实验使用 %3</translation>
    </message>
    <message>
        <source>%1: saved with an EMA generator; set the EMA decay as when it was saved</source>
        <translation>%1：保存时带有 EMA 生成器；请把 EMA 衰减设成保存时的样子</translation>
    </message>
    <message>
        <source>%1: saved without an EMA generator; set the EMA decay as when it was saved</source>
        <translation>%1：保存时没有 EMA 生成器；请把 EMA 衰减设成保存时的样子</translation>
    </message>
    <message>
        <source>%1: the checkpoint does not fit this experiment or is damaged (%2); nothing was changed</source>
        <translation>%1：检查点与本实验不符或已损坏（%2）；没有做任何改动</translation>
    </message>
    <message>
        <source>it has no zip end record: it is cut short, or not a zip file at all</source>
        <translation>它没有 zip 结束记录：文件被截断，或者根本不是 zip 文件</translation>
    </message>
    <message>
        <source>%1, byte %2: %3</source>
        <translation>%1，第 %2 字节：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the table ends inside a value</source>
        <translation>张量表在一个值的中间结束</translation>
    </message>
    <message>
        <source>a name is not ended</source>
        <translation>一个名称没有结束</translation>
    </message>
    <message>
        <source>the table holds more values than any checkpoint</source>
        <translation>张量表中的值比任何检查点都多</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>缺少一个值</translation>
    </message>
    <message>
        <source>a mark is missing</source>
        <translation>缺少一个标记</translation>
    </message>
    <message>
        <source>not a pickle of protocol 2</source>
        <translation>不是协议 2 的 pickle</translation>
    </message>
    <message>
        <source>the table ends without its STOP</source>
        <translation>张量表没有以 STOP 结束</translation>
    </message>
    <message>
        <source>%1 bytes follow the end of the table</source>
        <translation>张量表结束后还有 %1 字节</translation>
    </message>
    <message>
        <source>the table does not end in one value</source>
        <translation>张量表结束时不是恰好一个值</translation>
    </message>
    <message>
        <source>a whole number of %1 bytes</source>
        <translation>一个 %1 字节的整数</translation>
    </message>
    <message>
        <source>a text of %1 bytes runs past the end of the table</source>
        <translation>一段 %1 字节的文本超出了张量表的末尾</translation>
    </message>
    <message>
        <source>memo %1 out of order (expected %2)</source>
        <translation>备忘编号 %1 顺序不对（应为 %2）</translation>
    </message>
    <message>
        <source>memo %1 does not exist</source>
        <translation>备忘编号 %1 不存在</translation>
    </message>
    <message>
        <source>a dictionary with a key but no value</source>
        <translation>字典中有键没有值</translation>
    </message>
    <message>
        <source>an item is set on something that is not a dictionary</source>
        <translation>在不是字典的东西上设置了条目</translation>
    </message>
    <message>
        <source>an object is made in a way LibTorch&apos;s writer does not</source>
        <translation>对象的创建方式不是 LibTorch 写入器的方式</translation>
    </message>
    <message>
        <source>an object is filled in a way LibTorch&apos;s writer does not</source>
        <translation>对象的填充方式不是 LibTorch 写入器的方式</translation>
    </message>
    <message>
        <source>opcode 0x%1 is not one LibTorch&apos;s writer uses</source>
        <translation>操作码 0x%1 不是 LibTorch 写入器使用的</translation>
    </message>
    <message>
        <source>items are appended to something that is not a list</source>
        <translation>向不是列表的东西追加了条目</translation>
    </message>
    <message>
        <source>items are set on something that is not a dictionary</source>
        <translation>在不是字典的东西上设置了条目</translation>
    </message>
    <message>
        <source>it refers to %1.%2, which LibTorch&apos;s writer does not use here</source>
        <translation>它引用了 %1.%2，LibTorch 写入器在这里不会用到它</translation>
    </message>
    <message>
        <source>a call LibTorch&apos;s writer does not make</source>
        <translation>一个 LibTorch 写入器不会做的调用</translation>
    </message>
    <message>
        <source>a tensor is written in a way LibTorch&apos;s writer does not</source>
        <translation>张量的写法不是 LibTorch 写入器的写法</translation>
    </message>
    <message>
        <source>tensor data where LibTorch&apos;s writer keeps none</source>
        <translation>在 LibTorch 写入器不放张量数据的地方有张量数据</translation>
    </message>
    <message>
        <source>tensor data is referred to in a way LibTorch&apos;s writer does not</source>
        <translation>引用张量数据的方式不是 LibTorch 写入器的方式</translation>
    </message>
    <message>
        <source>tensor data has a name LibTorch&apos;s writer does not give</source>
        <translation>张量数据的名称不是 LibTorch 写入器会起的</translation>
    </message>
    <message>
        <source>tensor data %1 is for the device &quot;%2&quot;</source>
        <translation>张量数据 %1 属于设备“%2”</translation>
    </message>
    <message>
        <source>tensor data %1 claims %2 values</source>
        <translation>张量数据 %1 声称有 %2 个值</translation>
    </message>
    <message>
        <source>its root is not an archive</source>
        <translation>它的根不是一个存档</translation>
    </message>
    <message>
        <source>%1 is stored twice</source>
        <translation>%1 被存储了两次</translation>
    </message>
    <message>
        <source>the archive</source>
        <translation>存档</translation>
    </message>
    <message>
        <source>an entry of %1 has a name that is not text</source>
        <translation>%1 中有一个条目的名称不是文本</translation>
    </message>
    <message>
        <source>two entries are named %1</source>
        <translation>有两个条目都叫 %1</translation>
    </message>
    <message>
        <source>%1 is tensor data outside a tensor</source>
        <translation>%1 是张量之外的张量数据</translation>
    </message>
    <message>
        <source>it holds a tensor outside its named entries</source>
        <translation>它在命名条目之外还有张量</translation>
    </message>
    <message>
        <source>it holds tensor data outside any tensor</source>
        <translation>它有不属于任何张量的张量数据</translation>
    </message>
    <message>
        <source>tensor %1 is stored twice</source>
        <translation>张量 %1 被存储了两次</translation>
    </message>
    <message>
        <source>the data of tensor %1 (%2) is missing</source>
        <translation>张量 %1 的数据（%2）缺失</translation>
    </message>
    <message>
        <source>the data of tensor %1 (%2) holds %3 bytes, but its table claims %4 values of %5 (%6 bytes)</source>
        <translation>张量 %1 的数据（%2）有 %3 字节，但张量表声称有 %4 个 %5 值（%6 字节）</translation>
    </message>
    <message>
        <source>tensor %1 has a shape or layout this program never writes</source>
        <translation>张量 %1 的形状或布局是本程序从不写出的</translation>
    </message>
    <message>
        <source>tensor %1 claims more values than any file can hold</source>
        <translation>张量 %1 声称的值比任何文件能容纳的都多</translation>
    </message>
    <message>
        <source>tensor %1 lies outside its data (it starts at value %2 and has %3 values; the data holds %4)</source>
        <translation>张量 %1 超出了它的数据（从第 %2 个值开始，共 %3 个值；数据只有 %4 个）</translation>
    </message>
    <message>
        <source>its entries are not in one folder</source>
        <translation>它的条目不在同一个文件夹中</translation>
    </message>
    <message>
        <source>it has no %1</source>
        <translation>它没有 %1</translation>
    </message>
    <message>
        <source>%1 is compressed, which LibTorch&apos;s writer never does</source>
        <translation>%1 是压缩的，而 LibTorch 写入器从不压缩它</translation>
    </message>
    <message>
        <source>%1 is %2 bytes, more than any checkpoint&apos;s</source>
        <translation>%1 有 %2 字节，比任何检查点的都大</translation>
    </message>
    <message>
        <source>it holds two entries named %1</source>
        <translation>它有两个名为 %1 的条目</translation>
    </message>
    <message>
        <source>%1: this checkpoint of %2 needs about %3 of memory to load, more than the %4 this process can use; load it where more memory is free</source>
        <translation>%1：这个 %2 的检查点加载时需要约 %3 内存，超过本进程可用的 %4；请在有更多空闲内存的地方加载</translation>
    </message>
    <message>
        <source>its step count is not a whole number of at least 0</source>
        <translation>它的步数不是不小于 0 的整数</translation>
    </message>
    <message>
        <source>it holds a tensor %1 that this experiment&apos;s checkpoint does not have</source>
        <translation>它包含张量 %1，而本实验的检查点没有这个张量</translation>
    </message>
    <message>
        <source>tensor %1 holds %2 values where this experiment&apos;s are %3</source>
        <translation>张量 %1 存的是 %2 值，而本实验的是 %3</translation>
    </message>
    <message>
        <source>tensor %1 has the shape %2 where this experiment&apos;s is %3</source>
        <translation>张量 %1 的形状是 %2，而本实验的是 %3</translation>
    </message>
    <message>
        <source>tensor %1 is missing</source>
        <translation>缺少张量 %1</translation>
    </message>
    <message>
        <source>%1: saved with conditioning %2 (%3 classes), this experiment uses %4 (%5 classes); open the experiment it was saved with</source>
        <translation>%1：保存时的条件方式为 %2（%3 个类别），本实验使用 %4（%5 个类别）；请打开保存它时的实验</translation>
    </message>
</context>
<context>
    <name>ClassHistogram</name>
    <message>
        <source>Which classes the generator makes appears here with the first image-quality measurement.</source>
        <translation>第一次测量图像质量后，这里显示生成器生成了哪些类别。</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Classes the generator makes at step %1 (bars: %2 samples as the image measures&apos; classifier sees them; diamonds: the real data). A collapsed generator leaves bars empty.</source>
        <translation>第 %1 步生成器生成的类别（柱子：图像度量分类器眼中的 %2 个样本；菱形：真实数据）。模式崩溃的生成器会让许多柱子空着。</translation>
    </message>
</context>
<context>
    <name>ClassNames</name>
    <message>
        <source>T-shirt/top</source>
        <translation>T 恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare With</source>
        <translation>对比运行</translation>
    </message>
    <message>
        <source>A second run of this experiment with one change trains beside the window&apos;s run, from the same seed, at the same time. Its 2D lab (or sample grid) appears beside the window&apos;s; the Runs panel draws its curves over the plots.</source>
        <translation>本实验改动一处后作为第二个运行，与窗口的运行同时训练，种子相同。它的二维实验室（或样本网格）显示在窗口的旁边；“运行”面板把它的曲线叠加在图上。</translation>
    </message>
    <message>
        <source>As the experiment file names it: loss.kind, loss.r1_gamma, optimizers.generator.lr, training.batch_size, generator.layers[g1].out, ...</source>
        <translation>按实验文件中的名称：loss.kind、loss.r1_gamma、optimizers.generator.lr、training.batch_size、generator.layers[g1].out……</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>当前值：</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>对比值：</translation>
    </message>
    <message>
        <source>(not set in this experiment)</source>
        <translation>（本实验未设置）</translation>
    </message>
    <message>
        <source>That is the experiment&apos;s own value; give another to compare with.</source>
        <translation>这就是实验本身的值；请给出另一个值来对比。</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>The comparison run stopped: %1</source>
        <translation>对比运行已停止：%1</translation>
    </message>
    <message>
        <source>The comparison run cannot start while the previous one is stopping; try again.</source>
        <translation>上一个对比运行正在停止，无法开始新的对比运行；请再试一次。</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <source>Training &gt; Compare With... trains the experiment with one change beside the window&apos;s run, and shows it here.</source>
        <translation>“训练 &gt; 对比运行...”会把改动一处的实验与窗口的运行并排训练，并在这里显示。</translation>
    </message>
    <message>
        <source>B: the experiment with %1 (the window&apos;s run is A; the plots draw B in this colour)</source>
        <translation>B：实验改为 %1（窗口的运行为 A；图中以此颜色绘制 B）</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Latent Explorer</source>
        <translation>潜在空间探索</translation>
    </message>
    <message>
        <source>2D Lab</source>
        <translation>二维实验室</translation>
    </message>
    <message>
        <source>Slow Motion</source>
        <translation>慢动作</translation>
    </message>
    <message>
        <source>loading data %p%</source>
        <translation>正在加载数据 %p%</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>%1 samples/s</source>
        <translation>每秒 %1 个样本</translation>
    </message>
    <message>
        <source>%1:%2 training</source>
        <translation>已训练 %1:%2</translation>
    </message>
    <message numerus="yes">
        <source>step %1, %n past the budget of %2</source>
        <translation>
            <numerusform>第 %1 步（超出 %2 步的预算 %n 步）</numerusform>
        </translation>
    </message>
    <message>
        <source>Following %1: waiting for its first step</source>
        <translation>正在跟随 %1：等待它的第一步</translation>
    </message>
    <message>
        <source>Following %1: being trained; networks of step %2</source>
        <translation>正在跟随 %1：训练进行中；显示第 %2 步的网络</translation>
    </message>
    <message>
        <source>Following %1: being trained; no checkpoint yet</source>
        <translation>正在跟随 %1：训练进行中；尚无检查点</translation>
    </message>
    <message>
        <source>Following %1: no change for %2 min; its process may have stopped</source>
        <translation>正在跟随 %1：已 %2 分钟没有变化；它的进程可能已停止</translation>
    </message>
    <message>
        <source>Followed %1: ended at step %2 (no process writes it)</source>
        <translation>已跟随 %1：结束于第 %2 步（没有进程在写入）</translation>
    </message>
    <message numerus="yes">
        <source>Written by a process on another machine: it counts as stopped when nothing changes for %n minute(s).</source>
        <translation>
            <numerusform>由另一台机器上的进程写入：%n 分钟内没有变化即视为已停止。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataParallel</name>
    <message>
        <source>%1=%2 must be a whole number from %3 to %4</source>
        <translation>%1=%2 必须是 %3 到 %4 之间的整数</translation>
    </message>
    <message>
        <source>port %1 is in use on this machine, so rank 0 cannot serve the group there; set MASTER_PORT to a free port (--nproc finds one itself)</source>
        <translation>本机端口 %1 已被占用，rank 0 无法在此为进程组提供服务；请把 MASTER_PORT 设为空闲端口（--nproc 会自行找一个）</translation>
    </message>
    <message>
        <source>rank 0 of %1 cannot serve the group at %2:%3 (%4)</source>
        <translation>%1 个进程中的 rank 0 无法在 %2:%3 为进程组提供服务（%4）</translation>
    </message>
    <message>
        <source>rank %1 of %2 cannot join the group at %3:%4 within %5 s (%6); check MASTER_ADDR and MASTER_PORT, and that rank 0 runs and this machine can reach it</source>
        <translation>%2 个进程中的 rank %1 在 %5 秒内无法加入 %3:%4 的进程组（%6）；请检查 MASTER_ADDR 和 MASTER_PORT，并确认 rank 0 正在运行且本机能连到它</translation>
    </message>
    <message>
        <source>rank 0 of %1, which serves the group at %2:%3, is gone (its process ended or cannot be reached), so rank %4 ends too (%5)</source>
        <translation>%1 个进程中在 %2:%3 提供进程组服务的 rank 0 已不在（其进程已结束或无法连接），因此 rank %4 也结束（%5）</translation>
    </message>
    <message>
        <source>the group of %1 processes failed (%2); rank 0 names the rank that is gone</source>
        <translation>%1 个进程组成的组出错（%2）；由 rank 0 指出是哪个 rank 不在了</translation>
    </message>
    <message>
        <source>a collective of the %1 processes failed with every rank still there (%2)</source>
        <translation>%1 个进程的集合通信失败，但每个 rank 都还在（%2）</translation>
    </message>
    <message numerus="yes">
        <source>rank(s) %1 of %2 stopped answering (ended or hung), so the run ends (%3)</source>
        <translation>
            <numerusform>%2 个进程中的 rank %1 不再响应（已结束或挂起），因此本次运行结束（%3）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataPath</name>
    <message>
        <source>the experiment&apos;s networks are for 2D points: using the networks of %1 (a DCGAN) for the images</source>
        <translation>实验的网络用于二维点：图像改用 %1 的网络（一个 DCGAN）</translation>
    </message>
    <message>
        <source>the experiment&apos;s networks are for images: using the networks of %1 (MLPs) for the points</source>
        <translation>实验的网络用于图像：点数据改用 %1 的网络（多层感知机）</translation>
    </message>
    <message>
        <source>the generator makes sides of a multiple of %1: the images are scaled to %2x%2 instead of %3x%3</source>
        <translation>生成器生成的边长须为 %1 的倍数：图像缩放为 %2x%2，而不是 %3x%3</translation>
    </message>
    <message>
        <source>the generator cannot be fitted to %1x%2x%2 images (it needs a Reshape to a square grid followed by upsampling, and a side its upsampling can make); design one in the window or an experiment file</source>
        <translation>生成器无法适配 %1x%2x%2 的图像（它需要先 Reshape 成方形网格再上采样，且边长须是上采样能生成的）；请在窗口或实验文件中设计一个</translation>
    </message>
    <message>
        <source>the networks were fitted to %1x%2x%2 images: generator from %3 to %4 parameters, discriminator from %5 to %6</source>
        <translation>网络已适配 %1x%2x%2 的图像：生成器参数从 %3 变为 %4，判别器从 %5 变为 %6</translation>
    </message>
    <message>
        <source>the networks cannot be fitted to this data: %1</source>
        <translation>网络无法适配这些数据：%1</translation>
    </message>
    <message>
        <source>--data needs a folder of images, an IDX file or a CSV file of points</source>
        <translation>--data 需要一个图像文件夹、一个 IDX 文件或一个点的 CSV 文件</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n image(s) in %2 class folders</source>
        <translation>
            <numerusform>%1：%n 张图像，分属 %2 个类别文件夹</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n image(s), no class folders</source>
        <translation>
            <numerusform>%1：%n 张图像，没有类别文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; the experiment trains them at %2x%3x%3 (its image_size and grayscale)</source>
        <translation>%1；实验按 %2x%3x%3 训练它们（按其 image_size 和 grayscale）</translation>
    </message>
    <message>
        <source>%1 of %2 looked at are %3, most %4x%4%5</source>
        <translation>查看了 %2 张中的 %1 张，均为%3，大多为 %4x%4%5</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>in colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source> (sizes differ: each is centre-cropped and scaled)</source>
        <translation>（尺寸不一：每张都居中裁剪并缩放）</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>images larger than %1x%1 are scaled down to it; set image_size in an experiment file for more</source>
        <translation>大于 %1x%1 的图像会缩小到该尺寸；如需更大，请在实验文件中设置 image_size</translation>
    </message>
    <message>
        <source>%1: file not found</source>
        <translation>%1：找不到文件</translation>
    </message>
    <message>
        <source>%1: 2D points (x,y per line)</source>
        <translation>%1：二维点（每行 x,y）</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1：没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>%1 is neither a folder of images, an IDX file nor a CSV file (%2)</source>
        <translation>%1 既不是图像文件夹，也不是 IDX 文件或 CSV 文件（%2）</translation>
    </message>
    <message>
        <source>%1: IDX images, no labels file beside it</source>
        <translation>%1：IDX 图像，旁边没有标签文件</translation>
    </message>
    <message>
        <source>%1: IDX images, labels from %2</source>
        <translation>%1：IDX 图像，标签来自 %2</translation>
    </message>
    <message>
        <source>training at %1x%2x%3</source>
        <translation>按 %1x%2x%3 训练</translation>
    </message>
    <message>
        <source>The experiment it started from: %1</source>
        <translation>它所基于的实验：%1</translation>
    </message>
    <message>
        <source>Own data: %1.</source>
        <translation>自己的数据：%1。</translation>
    </message>
    <message>
        <source>%1: is not a regular file or a folder; give a folder of images, an IDX file or a CSV file</source>
        <translation>%1：不是普通文件或文件夹；请给出图像文件夹、IDX 文件或 CSV 文件</translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <source>%1 (install Debian&apos;s dataset-fashion-mnist package)</source>
        <translation>%1（请安装 Debian 的 dataset-fashion-mnist 软件包）</translation>
    </message>
    <message>
        <source>the drawn data set holds %1 points; paint at least two in the 2D lab (Draw)</source>
        <translation>手绘数据集只有 %1 个点；请在二维实验室中（绘制）至少画两个点</translation>
    </message>
    <message>
        <source>points drawn by hand</source>
        <translation>手绘的点</translation>
    </message>
    <message>
        <source>%1: out of memory while loading the data; set a limit on the number of samples or use smaller images</source>
        <translation>%1：加载数据时内存不足；请限制样本数量，或使用更小的图像</translation>
    </message>
    <message>
        <source>%1: cannot load the data (%2)</source>
        <translation>%1：无法加载数据（%2）</translation>
    </message>
    <message>
        <source>the drawn data set is empty: paint points in the 2D lab (Draw)</source>
        <translation>手绘数据集是空的：请在二维实验室中（绘制）画一些点</translation>
    </message>
    <message>
        <source>a CSV file of points</source>
        <translation>点的 CSV 文件</translation>
    </message>
    <message>
        <source>the data has %1 classes, but the experiment&apos;s conditioning has %2; set conditioning classes to %1</source>
        <translation>数据有 %1 个类别，但实验的条件设置只有 %2 个；请把条件的类别数设为 %1</translation>
    </message>
    <message>
        <source>%1 conditioning needs labelled data, and %2 has no class labels; choose labelled data (Fashion-MNIST, an IDX pair with labels, an image folder of class subfolders, ring8, grid25 or two-moons) or set conditioning to none</source>
        <translation>%1 条件需要带标签的数据，而 %2 没有类别标签；请选择带标签的数据（Fashion-MNIST、带标签的 IDX 文件对、按类别分子文件夹的图像文件夹、ring8、grid25 或 two-moons），或把条件设为 none</translation>
    </message>
    <message>
        <source>%1 has a negative label (%2); labels must be 0 to the number of classes - 1</source>
        <translation>%1 含有负标签（%2）；标签必须在 0 到类别数 - 1 之间</translation>
    </message>
</context>
<context>
    <name>DesignerWidget</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>The experiment is valid.</source>
        <translation>实验有效。</translation>
    </message>
    <message>
        <source>Training cannot start:</source>
        <translation>无法开始训练：</translation>
    </message>
</context>
<context>
    <name>DirectionFinder</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>DiscriminatorCopy</name>
    <message>
        <source>cannot rebuild the discriminator from step %1: %2</source>
        <translation>无法从第 %1 步重建判别器：%2</translation>
    </message>
    <message>
        <source>%1 values are not %2 points</source>
        <translation>%1 个数值不能组成 %2 个点</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>A new experiment, starting from the default one</source>
        <translation>新建一个实验，从默认实验开始</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Experiments (*.json)</source>
        <translation>实验文件 (*.json)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The experiment &quot;%1&quot; has changes that are not saved. Save them first?</source>
        <translation>实验“%1”有未保存的更改。先保存吗？</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>Cannot save experiment</source>
        <translation>无法保存实验</translation>
    </message>
    <message>
        <source>%1
Choose another folder with File &gt; Save As.</source>
        <translation>%1
请用“文件 &gt; 另存为”选择另一个文件夹。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>%1[*] - GAN Playground</source>
        <translation>%1[*] - GAN Playground</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <source>add %1 to the %2</source>
        <translation>把 %1 添加到%2</translation>
    </message>
    <message>
        <source>duplicate %1 in the %2</source>
        <translation>在%2中复制 %1</translation>
    </message>
    <message>
        <source>generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>discriminator</source>
        <translation>判别器</translation>
    </message>
    <message>
        <source>delete %1 from the %2</source>
        <translation>从%2中删除 %1</translation>
    </message>
    <message>
        <source>move %1 in the %2</source>
        <translation>在%2中移动 %1</translation>
    </message>
    <message>
        <source>change %1 of %2</source>
        <translation>更改 %2 的%1</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>更改%1</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
</context>
<context>
    <name>EvalClassifier</name>
    <message>
        <source>a held-out tenth of %1</source>
        <translation>%1 中留出的十分之一</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>classifier cache</source>
        <translation>分类器缓存</translation>
    </message>
    <message>
        <source>the image measures&apos; classifier failed: %1</source>
        <translation>图像质量指标的分类器出错：%1</translation>
    </message>
    <message>
        <source>the samples are %1×%2×%3 images; the classifier was trained on %4×%5×%6</source>
        <translation>样本是 %1×%2×%3 的图像；分类器是在 %4×%5×%6 的图像上训练的</translation>
    </message>
    <message>
        <source>%1 holds points, not images: the image measures are for image runs</source>
        <translation>%1 是二维点而不是图像：图像度量只用于图像训练</translation>
    </message>
    <message>
        <source>no labels: random convolutional features</source>
        <translation>无标签：随机卷积特征</translation>
    </message>
    <message>
        <source>%1: its images are %2×%3; the image measures need at least 4×4</source>
        <translation>%1：其图像为 %2×%3；图像质量指标至少需要 4×4</translation>
    </message>
    <message>
        <source>%1: the image measures learn the classes from the labelled images they train on, and there are %2 of them; they need at least %3. Add images, or take away the class folders to measure with random features</source>
        <translation>%1：图像质量指标要从用于训练的带标签图像中学习类别，而这里只有 %2 张；至少需要 %3 张。请添加图像，或去掉类别文件夹，改用随机特征来度量</translation>
    </message>
</context>
<context>
    <name>ExperimentDocument</name>
    <message>
        <source>save direction &quot;%1&quot;</source>
        <translation>保存方向“%1”</translation>
    </message>
    <message>
        <source>delete direction &quot;%1&quot;</source>
        <translation>删除方向“%1”</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>更改%1</translation>
    </message>
</context>
<context>
    <name>ExperimentFile</name>
    <message>
        <source>unknown field (known here: %1)</source>
        <translation>未知字段（这里可用的字段：%1）</translation>
    </message>
    <message>
        <source>missing object</source>
        <translation>缺少对象</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>应为 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2</source>
        <translation>应为 %1 到 %2 之间的数</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>应为字符串</translation>
    </message>
    <message>
        <source>expected one of %1</source>
        <translation>应为以下之一：%1</translation>
    </message>
    <message>
        <source>expected a non-empty list of positive whole numbers</source>
        <translation>应为由正整数组成的非空列表</translation>
    </message>
    <message>
        <source>expected a list of x, y coordinates (an even count of numbers within ±1e6, at most %1 points)</source>
        <translation>应为 x, y 坐标列表（偶数个数，每个在 ±1e6 以内，最多 %1 个点）</translation>
    </message>
    <message>
        <source>must not contain a dot</source>
        <translation>不能包含句点</translation>
    </message>
    <message>
        <source>expected a list of layers</source>
        <translation>应为层的列表</translation>
    </message>
    <message>
        <source>format: expected &quot;%1&quot;; this is not a GAN Playground experiment</source>
        <translation>format：应为 &quot;%1&quot;；这不是 GAN Playground 实验文件</translation>
    </message>
    <message>
        <source>version: expected &quot;MAJOR.MINOR&quot;, e.g. &quot;%1.%2&quot;</source>
        <translation>version：应为 &quot;主版本.次版本&quot;，例如 &quot;%1.%2&quot;</translation>
    </message>
    <message>
        <source>version: this file is format version %1.%2, but this program reads only major version %3; open it with a matching GAN Playground</source>
        <translation>version：此文件的格式版本为 %1.%2，但本程序只能读取主版本 %3；请用相应版本的 GAN Playground 打开</translation>
    </message>
    <message>
        <source>%1 data needs a path</source>
        <translation>%1 数据需要路径</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>应为整数</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2 at byte %3)</source>
        <translation>%1：不是有效的 JSON（%2，位于第 %3 字节）</translation>
    </message>
    <message>
        <source>top level is not an object</source>
        <translation>顶层不是对象</translation>
    </message>
    <message>
        <source>an experiment file (.json)</source>
        <translation>实验文件（.json）</translation>
    </message>
    <message>
        <source>%1: cannot open (%2)</source>
        <translation>%1：无法打开（%2）</translation>
    </message>
    <message>
        <source>experiment file</source>
        <translation>实验文件</translation>
    </message>
    <message>
        <source>expected a list of at most %1 directions</source>
        <translation>应为最多 %1 个方向的列表</translation>
    </message>
    <message>
        <source>expected %1 finite numbers, one per latent dimension</source>
        <translation>应为 %1 个有限数值，每个潜在维度一个</translation>
    </message>
    <message>
        <source>must not contain a slash</source>
        <translation>不能包含斜杠</translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation>不能包含控制字符</translation>
    </message>
    <message>
        <source>has %1 layers; a network may have at most %2</source>
        <translation>有 %1 层；一个网络最多 %2 层</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already used by layer %2</source>
        <translation>“%1”已被第 %2 层使用</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 需要 %2</translation>
    </message>
    <message>
        <source>expected &quot;fp32&quot; or &quot;bf16&quot;, not &quot;%1&quot;</source>
        <translation>应为 &quot;fp32&quot; 或 &quot;bf16&quot;，而不是 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Size of the flat input vector; must equal what the layer above produces</source>
        <translation>输入向量的长度；必须等于上一层的输出</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Number of output features (units)</source>
        <translation>输出特征（单元）的个数</translation>
    </message>
    <message>
        <source>In channels</source>
        <translation>输入通道</translation>
    </message>
    <message>
        <source>Channels of the input image; must equal the channels arriving from above</source>
        <translation>输入图像的通道数；必须等于上一层传来的通道数</translation>
    </message>
    <message>
        <source>Out channels</source>
        <translation>输出通道</translation>
    </message>
    <message>
        <source>Number of filters, i.e. channels of the output</source>
        <translation>滤波器个数，即输出的通道数</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Height and width of each filter in pixels</source>
        <translation>每个滤波器的高和宽（像素）</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Step between filter positions: 2 halves height and width (convolution) or doubles them (transposed convolution)</source>
        <translation>滤波器每次移动的距离：2 使高和宽减半（卷积）或加倍（转置卷积）</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Pixels of zeros around the input (convolution) or removed from the output border (transposed convolution)</source>
        <translation>输入四周补零的像素数（卷积），或从输出边缘去掉的像素数（转置卷积）</translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>Extra rows and columns added on one side of the output, to reach an odd size; smaller than the stride</source>
        <translation>在输出的一侧额外加上的行和列，用来得到奇数尺寸；必须小于步幅</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>倍数</translation>
    </message>
    <message>
        <source>Factor by which height and width grow</source>
        <translation>高和宽放大的倍数</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征数</translation>
    </message>
    <message>
        <source>Number of features (1d) or channels (2d) normalised; must match the input</source>
        <translation>归一化的特征数（1d）或通道数（2d）；必须与输入一致</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>How fast the running mean and variance used for sampling follow the batches</source>
        <translation>采样时用的滑动均值和方差跟随各批次变化的快慢</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <source>Added to the variance so that a constant input does not divide by zero</source>
        <translation>加到方差上，避免常数输入时除以零</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Share of inputs zeroed during training (none when sampling)</source>
        <translation>训练时被置零的输入比例（采样时不置零）</translation>
    </message>
    <message>
        <source>Negative slope</source>
        <translation>负斜率</translation>
    </message>
    <message>
        <source>Factor applied to negative inputs; 0.2 is the usual choice in GANs</source>
        <translation>负输入乘以的系数；GAN 中通常取 0.2</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Value approached for very negative inputs (as -alpha)</source>
        <translation>输入很负时趋近的值（-alpha）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Number of random numbers the generator turns into one sample; the generator&apos;s first layer must take this many</source>
        <translation>生成器把多少个随机数变成一个样本；生成器第一层的输入必须是这个数</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <source>Images are resized to this many pixels square</source>
        <translation>图像被缩放成这个边长的正方形（像素）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>How many points are drawn (once per run, from the seed)</source>
        <translation>抽取多少个点（每次运行按种子抽取一次）</translation>
    </message>
    <message>
        <source>Use at most</source>
        <translation>最多使用</translation>
    </message>
    <message>
        <source>Train on only the first N samples (0 = all); small sets train and load faster</source>
        <translation>只用前 N 个样本训练（0 = 全部）；小数据集加载和训练都更快</translation>
    </message>
    <message>
        <source>Penalty λ</source>
        <translation>惩罚系数 λ</translation>
    </message>
    <message>
        <source>Weight of the gradient penalty that keeps D 1-Lipschitz (WGAN-GP: 10)</source>
        <translation>使 D 保持 1-Lipschitz 的梯度惩罚的权重（WGAN-GP：10）</translation>
    </message>
    <message>
        <source>Clip</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>D&apos;s weights are clipped to [-c, c] after every update (WGAN: 0.01)</source>
        <translation>每次更新后把 D 的权重裁剪到 [-c, c]（WGAN：0.01）</translation>
    </message>
    <message>
        <source>R1 penalty γ</source>
        <translation>R1 惩罚 γ</translation>
    </message>
    <message>
        <source>Penalises D&apos;s gradient on real data (γ/2·|∇D(x)|²), so D and G settle instead of circling; 0 = off</source>
        <translation>惩罚 D 在真实数据上的梯度（γ/2·|∇D(x)|²），让 D 和 G 稳定下来而不是来回打转；0 = 关闭</translation>
    </message>
    <message>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>One-sided: D&apos;s target for real samples becomes 1 - this value (0.1 is common)</source>
        <translation>单侧平滑：D 对真实样本的目标变成 1 减去这个值（常用 0.1）</translation>
    </message>
    <message>
        <source>Instance noise</source>
        <translation>实例噪声</translation>
    </message>
    <message>
        <source>Standard deviation of noise added to every input D sees, real or generated; blurs the two together early on</source>
        <translation>给 D 看到的每个输入（真实的或生成的）加上的噪声的标准差；在训练初期把两者模糊到一起</translation>
    </message>
    <message>
        <source>Noise anneal steps</source>
        <translation>噪声退火步数</translation>
    </message>
    <message>
        <source>The noise falls linearly to 0 over this many steps (0 = constant)</source>
        <translation>噪声在这么多步内线性降到 0（0 = 保持不变）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step size; DCGAN uses 0.0002. Different rates for G and D (TTUR) can steady training</source>
        <translation>步长；DCGAN 使用 0.0002。G 和 D 用不同的学习率（TTUR）可以让训练更稳定</translation>
    </message>
    <message>
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <source>Adam&apos;s momentum; GANs use 0.5 (or 0) rather than 0.9</source>
        <translation>Adam 的动量；GAN 通常用 0.5（或 0），而不是 0.9</translation>
    </message>
    <message>
        <source>β2</source>
        <translation>β2</translation>
    </message>
    <message>
        <source>Adam&apos;s averaging of squared gradients (0.999; 0.9 for fast-moving 2D games)</source>
        <translation>Adam 对梯度平方的平均（0.999；快速变化的二维博弈用 0.9）</translation>
    </message>
    <message>
        <source>Velocity kept between SGD or RMSprop steps</source>
        <translation>SGD 或 RMSprop 各步之间保留的速度</translation>
    </message>
    <message>
        <source>Smoothing α</source>
        <translation>平滑系数 α</translation>
    </message>
    <message>
        <source>RMSprop&apos;s averaging of squared gradients</source>
        <translation>RMSprop 对梯度平方的平均</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>L2 pull of every weight towards zero (0 = off)</source>
        <translation>把每个权重拉向零的 L2 项（0 = 关闭）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Real and generated samples per step</source>
        <translation>每一步的真实样本和生成样本数</translation>
    </message>
    <message>
        <source>D steps per G step</source>
        <translation>每次 G 更新的 D 步数</translation>
    </message>
    <message>
        <source>Discriminator updates before each generator update (WGAN: 5)</source>
        <translation>每次更新生成器之前判别器更新的次数（WGAN：5）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Same seed and thread count, same run, bit for bit</source>
        <translation>相同的种子和线程数，得到逐位相同的运行</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>The run&apos;s length; training pauses there (resume trains on)</source>
        <translation>运行的长度；训练到这里暂停（继续可以接着训练）</translation>
    </message>
    <message>
        <source>EMA of G</source>
        <translation>G 的 EMA</translation>
    </message>
    <message>
        <source>Samples come from a moving average of the generator&apos;s weights with this decay (0 = off; 0.999 is common)</source>
        <translation>样本来自生成器权重的滑动平均，衰减为此值（0 = 关闭；常用 0.999）</translation>
    </message>
    <message>
        <source>Final learning rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <source>Both learning rates fall linearly to this fraction by the last step (1 = constant)</source>
        <translation>到最后一步时两个学习率线性降到此比例（1 = 不变）</translation>
    </message>
    <message>
        <source>Save samples every</source>
        <translation>样本保存间隔</translation>
    </message>
    <message>
        <source>Steps between sample grids saved by the command line</source>
        <translation>命令行保存样本网格之间相隔的步数</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Add a learned constant to each output; redundant right before a BatchNorm</source>
        <translation>给每个输出加一个可学习的常数；紧接在 BatchNorm 之前时是多余的</translation>
    </message>
    <message>
        <source>Spectral norm</source>
        <translation>谱归一化</translation>
    </message>
    <message>
        <source>Divide the weights by their largest singular value (power iteration), keeping the layer 1-Lipschitz; steadies discriminators</source>
        <translation>用权重的最大奇异值（幂迭代估计）去除权重，使这一层保持 1-Lipschitz；让判别器更稳定</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Nearest repeats pixels (blocky, free); bilinear blends neighbours (smooth)</source>
        <translation>最近邻重复像素（有块状感，无计算量）；双线性混合相邻像素（平滑）</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>The trailing dimensions normalised together, e.g. 64 or 128, 7, 7</source>
        <translation>一起归一化的末尾维度，例如 64 或 128, 7, 7</translation>
    </message>
    <message>
        <source>New per-sample shape, e.g. 128, 7, 7; must hold as many values as arrive</source>
        <translation>每个样本的新形状，例如 128, 7, 7；所含数值个数必须与输入一致</translation>
    </message>
    <message>
        <source>Intra-op threads of the training thread (at most the machine&apos;s cores). The window trains with all of them while it is calm and one fewer while you work in it (Training &gt; Threads)</source>
        <translation>训练线程的算子内线程数（最多为本机的核心数）。窗口空闲时用全部线程训练，你在窗口里操作时少用一个（训练 &gt; 线程）</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Number of classes the networks are told (labels 0 to classes - 1); must cover the data&apos;s labels</source>
        <translation>告诉两个网络的类别数（标签 0 到类别数 - 1）；必须覆盖数据中的所有标签</translation>
    </message>
    <message>
        <source>Label embedding</source>
        <translation>标签嵌入</translation>
    </message>
    <message>
        <source>Size of the learned vector that stands for a class and is joined to z at the generator&apos;s input</source>
        <translation>代表一个类别的可学习向量的长度，在生成器输入处与 z 拼接</translation>
    </message>
    <message>
        <source>Class loss weight</source>
        <translation>类别损失权重</translation>
    </message>
    <message>
        <source>AC-GAN: weight of the auxiliary classifier&apos;s cross-entropy in both networks&apos; losses</source>
        <translation>AC-GAN：辅助分类器的交叉熵在两个网络损失中的权重</translation>
    </message>
</context>
<context>
    <name>FileKind</name>
    <message>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <source>a checkpoint (or another zip archive)</source>
        <translation>检查点（或其他 zip 压缩包）</translation>
    </message>
    <message>
        <source>an experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>latent directions</source>
        <translation>潜在方向</translation>
    </message>
    <message>
        <source>a run&apos;s metrics</source>
        <translation>运行的指标</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>IDX data</source>
        <translation>IDX 数据</translation>
    </message>
    <message>
        <source>a CSV of points</source>
        <translation>点的 CSV</translation>
    </message>
    <message>
        <source>a file of another kind</source>
        <translation>其他类型的文件</translation>
    </message>
</context>
<context>
    <name>GeneratorCopy</name>
    <message>
        <source>cannot rebuild the generator from step %1: %2</source>
        <translation>无法从第 %1 步重建生成器：%2</translation>
    </message>
    <message>
        <source>%1 latent values do not make %2 vectors of %3</source>
        <translation>%1 个潜在向量数值不能组成 %2 个 %3 维向量</translation>
    </message>
    <message>
        <source>no samples asked for</source>
        <translation>没有请求任何样本</translation>
    </message>
    <message>
        <source>%1 labels for %2 samples</source>
        <translation>%1 个标签对应 %2 个样本</translation>
    </message>
    <message>
        <source>class %1 does not exist: this run has classes 0 to %2</source>
        <translation>类别 %1 不存在：此运行的类别为 0 到 %2</translation>
    </message>
    <message>
        <source>class %1 asked of a run without classes</source>
        <translation>向没有类别的运行请求了类别 %1</translation>
    </message>
    <message>
        <source>classes %1 and %2, %3 mixes for %4 samples: this run has classes 0 to %5</source>
        <translation>类别 %1 和 %2、%3 个混合比例对应 %4 个样本：此运行的类别为 0 到 %5</translation>
    </message>
    <message>
        <source>classes asked of a run without classes</source>
        <translation>向没有类别的运行请求了类别</translation>
    </message>
</context>
<context>
    <name>GifWriter</name>
    <message>
        <source>%1: no frames to write</source>
        <translation>%1：没有可写入的帧</translation>
    </message>
    <message>
        <source>animation</source>
        <translation>动画</translation>
    </message>
</context>
<context>
    <name>IdxFile</name>
    <message>
        <source>%1: too short for an IDX file (no 4-byte header)</source>
        <translation>%1：太短，不是 IDX 文件（没有 4 字节的文件头）</translation>
    </message>
    <message>
        <source>%1: not an IDX file (wrong magic number)</source>
        <translation>%1：不是 IDX 文件（魔数不对）</translation>
    </message>
    <message>
        <source>%1: IDX data type 0x%2 is not supported; only unsigned bytes (0x08) are</source>
        <translation>%1：不支持 IDX 数据类型 0x%2；只支持无符号字节（0x08）</translation>
    </message>
    <message>
        <source>%1: IDX file with %2 dimensions; expected 1 to 4</source>
        <translation>%1：IDX 文件有 %2 个维度；应为 1 到 4 个</translation>
    </message>
    <message>
        <source>%1: truncated in the IDX header</source>
        <translation>%1：在 IDX 文件头中被截断</translation>
    </message>
    <message>
        <source>%1: IDX dimension %2 is zero</source>
        <translation>%1：IDX 第 %2 维为零</translation>
    </message>
    <message>
        <source>an IDX file</source>
        <translation>IDX 文件</translation>
    </message>
    <message>
        <source>%1: cannot open</source>
        <translation>%1：无法打开</translation>
    </message>
    <message>
        <source>%1: the header&apos;s dimensions %2 multiply past what any file can hold; it is damaged</source>
        <translation>%1：文件头中的维度 %2 相乘后超过任何文件能容纳的大小；文件已损坏</translation>
    </message>
    <message>
        <source>%1: header says %2 items of %3 bytes, but the file is only %4 bytes; it is truncated or damaged</source>
        <translation>%1：文件头说有 %2 项，每项 %3 字节，但文件只有 %4 字节；文件被截断或已损坏</translation>
    </message>
    <message>
        <source>%1: truncated: header says %2 items (%3 bytes) but the file holds only %4 bytes of data</source>
        <translation>%1：已截断：文件头说有 %2 项（%3 字节），但文件只有 %4 字节数据</translation>
    </message>
    <message>
        <source>%1: expected images (N x H x W or N x C x H x W), found %2 dimensions %3</source>
        <translation>%1：应为图像（N x H x W 或 N x C x H x W），但有 %2 个维度 %3</translation>
    </message>
    <message>
        <source>%1: images of %2 are beyond what GAN Playground trains on (at most %3 channels and %4 pixels a side)</source>
        <translation>%1：%2 的图像超出了 GAN Playground 能训练的范围（最多 %3 个通道，边长 %4 像素）</translation>
    </message>
    <message>
        <source>%1: a labels file has one dimension (one label per image), this one has %2 (%3); is it an images file? Choose the matching labels file</source>
        <translation>%1：标签文件只有一个维度（每张图像一个标签），这个文件有 %2 个（%3）；它是图像文件吗？请选择对应的标签文件</translation>
    </message>
    <message>
        <source>%1: holds %2 labels but %3 holds %4 images; they do not belong together</source>
        <translation>%1：有 %2 个标签，但 %3 有 %4 张图像；两者不匹配</translation>
    </message>
    <message>
        <source>IDX file</source>
        <translation>IDX 文件</translation>
    </message>
    <message>
        <source>%1: the gzip data is damaged or cut short after %2 bytes (%3); copy the file again</source>
        <translation>%1：gzip 数据在 %2 字节之后损坏或被截断（%3）；请重新复制该文件</translation>
    </message>
</context>
<context>
    <name>ImageFolder</name>
    <message>
        <source>no image folder is given; choose one</source>
        <translation>没有指定图像文件夹；请选择一个</translation>
    </message>
    <message>
        <source>%1: folder not found</source>
        <translation>%1：找不到文件夹</translation>
    </message>
    <message>
        <source>%1: %2 images of %3x%4x%4 need %5 of memory, more than this process can use (%6); lower the image size or set a limit on the number of images</source>
        <translation>%1：%2 张 %3x%4x%4 的图像需要 %5 内存，超过本进程可用的 %6；请降低图像尺寸，或限制图像数量</translation>
    </message>
    <message>
        <source>%1: cannot read this image (%2)</source>
        <translation>%1：无法读取这张图像（%2）</translation>
    </message>
    <message>
        <source>%1: holds no PNG, JPEG or BMP images, in itself or in subfolders (one per class)</source>
        <translation>%1：其中及其子文件夹（每类一个）都没有 PNG、JPEG 或 BMP 图像</translation>
    </message>
    <message>
        <source>%1: %2 is too large for an image of a training set (at most %3); make it smaller</source>
        <translation>%1：%2 对训练集中的图像来说太大（最多 %3）；请把它改小</translation>
    </message>
    <message>
        <source>%1: cannot open this image (%2)</source>
        <translation>%1：无法打开这张图像（%2）</translation>
    </message>
    <message>
        <source>%1: is %2x%3 pixels, too large to read (at most %4 megapixels); make it smaller</source>
        <translation>%1：有 %2x%3 像素，太大无法读取（最多 %4 百万像素）；请把它改小</translation>
    </message>
    <message>
        <source>%1: this PNG file is damaged (%2); remove it or replace it with a good copy</source>
        <translation>%1：这个 PNG 文件已损坏（%2）；请删除它，或换成完好的副本</translation>
    </message>
    <message>
        <source>it is not a PNG file</source>
        <translation>它不是 PNG 文件</translation>
    </message>
    <message>
        <source>its image data cannot be checked</source>
        <translation>无法检查它的图像数据</translation>
    </message>
    <message>
        <source>it is cut short after %1 bytes</source>
        <translation>它在 %1 字节后被截断</translation>
    </message>
    <message>
        <source>its %1 chunk at byte %2 fails its checksum</source>
        <translation>第 %2 字节处的 %1 块校验和不符</translation>
    </message>
    <message>
        <source>it does not begin with a header</source>
        <translation>它没有以文件头开始</translation>
    </message>
    <message>
        <source>its header gives a size of %1x%2 pixels</source>
        <translation>它的文件头给出的尺寸是 %1x%2 像素</translation>
    </message>
    <message>
        <source>its image data is damaged (%1)</source>
        <translation>它的图像数据已损坏（%1）</translation>
    </message>
    <message>
        <source>its image data is incomplete</source>
        <translation>它的图像数据不完整</translation>
    </message>
</context>
<context>
    <name>InputFile</name>
    <message>
        <source>no file is given; choose %1</source>
        <translation>没有指定文件；请选择%1</translation>
    </message>
    <message>
        <source>%1: file not found</source>
        <translation>%1：找不到文件</translation>
    </message>
    <message>
        <source>%1: is a folder, not %2; choose a file</source>
        <translation>%1：是文件夹，不是%2；请选择文件</translation>
    </message>
    <message>
        <source>%1: not a regular file (a device, pipe or socket); choose %2</source>
        <translation>%1：不是普通文件（是设备、管道或套接字）；请选择%2</translation>
    </message>
    <message>
        <source>%1: %2 bytes is too large for %3 (at most %4 bytes)</source>
        <translation>%1：%2 字节，对%3来说太大（最多 %4 字节）</translation>
    </message>
</context>
<context>
    <name>Lab2d</name>
    <message>
        <source>the 2D lab needs a generator of 2D points</source>
        <translation>二维实验室需要生成二维点的生成器</translation>
    </message>
</context>
<context>
    <name>Lab2dView</name>
    <message>
        <source>Real</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>The training data (blue)</source>
        <translation>训练数据（蓝色）</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>G applied to the run&apos;s fixed noise (orange): the same samples at every step</source>
        <translation>G 作用在本次运行的固定噪声上（橙色）：每一步都是同一批样本</translation>
    </message>
    <message>
        <source>D&apos;s opinion</source>
        <translation>D 的判断</translation>
    </message>
    <message>
        <source>The discriminator at every point of the plane: blue where it says &quot;real&quot;, orange where it says &quot;generated&quot; (a probability for sigmoid losses, the raw score otherwise)</source>
        <translation>判别器在平面上每一点的判断：蓝色表示它认为“真实”，橙色表示它认为“生成”（对 sigmoid 损失是概率，否则是原始分数）</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Where the generator&apos;s loss pushes each generated point: -dL_G/dx, scaled so the longest arrow is 8% of the view</source>
        <translation>生成器的损失把每个生成点推向哪里：-dL_G/dx，按最长箭头为视图的 8% 缩放</translation>
    </message>
    <message>
        <source>G&apos;s mesh</source>
        <translation>G 的网格</translation>
    </message>
    <message>
        <source>The image under G of a square grid in latent space (dimensions 1 and 2, the rest 0): how the generator bends space</source>
        <translation>潜在空间中一个正方形网格（第 1、2 维，其余为 0）在 G 下的像：生成器如何弯曲空间</translation>
    </message>
    <message>
        <source>Trails</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>Where each generated point was over the last frames (about a second)</source>
        <translation>每个生成点在最近几帧（约一秒）里的位置</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Paint your own data with the mouse: it becomes the experiment&apos;s data set (undoable, saved with the experiment). The next run trains on it.</source>
        <translation>用鼠标画出你自己的数据：它会成为实验的数据集（可撤销，随实验保存）。下一次运行就用它训练。</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>擦除</translation>
    </message>
    <message>
        <source>While drawing, remove the points under the brush instead of adding some</source>
        <translation>绘制时删除画笔下的点，而不是添加</translation>
    </message>
    <message>
        <source>brush </source>
        <translation>画笔 </translation>
    </message>
    <message>
        <source>Radius of the brush, in the plot&apos;s units</source>
        <translation>画笔半径，以图的坐标为单位</translation>
    </message>
    <message>
        <source> per move</source>
        <translation> 每次移动</translation>
    </message>
    <message>
        <source>How many points each movement of the brush adds</source>
        <translation>画笔每移动一次添加多少个点</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove every drawn point (undoable)</source>
        <translation>删除所有手绘的点（可撤销）</translation>
    </message>
    <message>
        <source>Start a 2D run to see the discriminator&apos;s opinion and the generator&apos;s gradients.</source>
        <translation>开始一次二维运行，就能看到判别器的判断和生成器的梯度。</translation>
    </message>
    <message>
        <source>D(x): probability of real</source>
        <translation>D(x)：为真实的概率</translation>
    </message>
    <message>
        <source>Step %1. %2 Arrows: the push of the generator&apos;s loss on each orange point.</source>
        <translation>第 %1 步。%2 箭头：生成器损失对每个橙色点的推动。</translation>
    </message>
    <message>
        <source>Blue: D calls it real; orange: generated.</source>
        <translation>蓝色：D 认为是真实的；橙色：生成的。</translation>
    </message>
    <message>
        <source>Lock view</source>
        <translation>锁定视图</translation>
    </message>
    <message>
        <source>Keep the view where it is. Unlocked, it follows the real and generated points. Zoom with the wheel and pan by dragging (both lock it).</source>
        <translation>让视图保持不动。不锁定时，视图跟随真实点和生成点。用滚轮缩放，拖动平移（两者都会锁定视图）。</translation>
    </message>
    <message>
        <source>critic score (colours span this view)</source>
        <translation>评论家分数（颜色覆盖本视图的范围）</translation>
    </message>
    <message>
        <source>Blue: the highest critic score on this view; orange: the lowest.</source>
        <translation>蓝色：本视图中评论家分数最高处；橙色：最低处。</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n generated point(s) off view&lt;/b&gt; (marked on the border).</source>
        <translation>
            <numerusform>&lt;b&gt;%n 个生成点在视图之外&lt;/b&gt;（在边框上标出）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>The class whose heatmap, mesh and arrows are shown: the discriminator&apos;s opinion of every point as a sample of this class. Generated points are coloured by the class they were asked as.</source>
        <translation>显示其热图、网格和箭头的类别：判别器把每个点当作这一类别的样本时的看法。生成的点按请求的类别着色。</translation>
    </message>
</context>
<context>
    <name>LabRenderer</name>
    <message>
        <source>cannot draw the 2D lab: unexpected error</source>
        <translation>无法绘制二维实验室：意外错误</translation>
    </message>
</context>
<context>
    <name>LatentDirections</name>
    <message>
        <source>SeFa needs the latent vector to go straight into a Linear or convolution layer, but layer %1 (%2) comes first; use PCA instead</source>
        <translation>SeFa 需要潜在向量直接进入一个 Linear 或卷积层，但最先的是层 %1（%2）；请改用 PCA</translation>
    </message>
    <message>
        <source>the generator has no Linear or convolution layer for SeFa to read</source>
        <translation>生成器没有可供 SeFa 读取的 Linear 或卷积层</translation>
    </message>
    <message>
        <source>the generator has no layer &quot;%1&quot;</source>
        <translation>生成器没有层“%1”</translation>
    </message>
    <message>
        <source>class directions need labelled images: the data has no classes for the classifier to learn</source>
        <translation>类别方向需要带标签的图像：这些数据没有可供分类器学习的类别</translation>
    </message>
    <message>
        <source>%1: %2 of %3 samples were classified as it, too few for a boundary</source>
        <translation>%1：%3 个样本中只有 %2 个被分为此类，太少，无法拟合边界</translation>
    </message>
    <message>
        <source>no class was made often enough for a boundary; train the generator longer</source>
        <translation>没有哪个类别生成得足够多，无法拟合边界；请把生成器训练得更久些</translation>
    </message>
    <message>
        <source>ask for at least one direction</source>
        <translation>请至少要求一个方向</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>cannot find %1 directions: %2</source>
        <translation>无法找到 %1 方向：%2</translation>
    </message>
    <message>
        <source>direction %1 (eigenvalue %2)</source>
        <translation>方向 %1（特征值 %2）</translation>
    </message>
    <message>
        <source>component %1 (%2% of the variance)</source>
        <translation>主成分 %1（占方差的 %2%）</translation>
    </message>
    <message>
        <source>component %1</source>
        <translation>主成分 %1</translation>
    </message>
    <message>
        <source>random %1</source>
        <translation>随机 %1</translation>
    </message>
    <message>
        <source>more like %1 (boundary %2% right)</source>
        <translation>更像%1（边界正确率 %2%）</translation>
    </message>
    <message>
        <source>%1: not a directions file of GAN Playground (%2)</source>
        <translation>%1：不是 GAN Playground 的方向文件（%2）</translation>
    </message>
    <message>
        <source>no &quot;format&quot;: &quot;%1&quot;</source>
        <translation>没有 &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: directions file version %2; this program reads version %3</source>
        <translation>%1：方向文件版本为 %2；本程序读取版本 %3</translation>
    </message>
    <message>
        <source>%1: needs a method (sefa, pca, random or class) and a latent_size</source>
        <translation>%1：需要方法（sefa、pca、random 或 class）和 latent_size</translation>
    </message>
    <message>
        <source>%1: direction %2 needs %3 finite numbers, not all zero</source>
        <translation>%1：方向 %2 需要 %3 个有限数值，且不能全为零</translation>
    </message>
    <message>
        <source>%1: holds no directions</source>
        <translation>%1：不含任何方向</translation>
    </message>
    <message>
        <source>directions</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>a directions file (.json)</source>
        <translation>方向文件（.json）</translation>
    </message>
    <message>
        <source>%1: cannot read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
</context>
<context>
    <name>LatentExplorer</name>
    <message>
        <source>Start training: the explorer uses the newest generator the run publishes (about once a second).</source>
        <translation>开始训练：探索器使用运行发布的最新生成器（大约每秒一次）。</translation>
    </message>
    <message>
        <source>Random z</source>
        <translation>随机 z</translation>
    </message>
    <message>
        <source>Draw a new latent vector from the prior</source>
        <translation>从先验分布中抽取一个新的潜在向量</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Use as A</source>
        <translation>设为 A</translation>
    </message>
    <message>
        <source>Start of the interpolation</source>
        <translation>插值的起点</translation>
    </message>
    <message>
        <source>Use as B</source>
        <translation>设为 B</translation>
    </message>
    <message>
        <source>End of the interpolation</source>
        <translation>插值的终点</translation>
    </message>
    <message>
        <source>Sliders:</source>
        <translation>滑块：</translation>
    </message>
    <message>
        <source>Interpolation from A to B</source>
        <translation>从 A 到 B 的插值</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Spherical</source>
        <translation>球面</translation>
    </message>
    <message>
        <source>Linear mixes the two vectors; spherical follows the great circle, keeping the norm typical of the prior</source>
        <translation>线性插值直接混合两个向量；球面插值沿大圆走，保持先验分布典型的范数</translation>
    </message>
    <message>
        <source>Images in the strip, A and B included</source>
        <translation>条带中的图像数，含 A 和 B</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Choose A and B.</source>
        <translation>请选择 A 和 B。</translation>
    </message>
    <message>
        <source>Generator from step %1</source>
        <translation>来自第 %1 步的生成器</translation>
    </message>
    <message>
        <source>Waiting for the run&apos;s first generator...</source>
        <translation>正在等待运行的第一个生成器...</translation>
    </message>
    <message>
        <source>Latent dimension %1, from -3 to 3</source>
        <translation>潜在维度 %1，从 -3 到 3</translation>
    </message>
    <message>
        <source>Generator from step %1: G(z) = (%2, %3)</source>
        <translation>来自第 %1 步的生成器：G(z) = (%2, %3)</translation>
    </message>
    <message>
        <source>Back to the vector last picked or drawn, with every slider at 0</source>
        <translation>回到最后选取或抽取的向量，所有滑块归零</translation>
    </message>
    <message>
        <source>How many latent dimensions get a slider (the first ones), or how many directions to find</source>
        <translation>多少个潜在维度（最前面的）有滑块，或要找多少个方向</translation>
    </message>
    <message>
        <source>Directions</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Sliders move:</source>
        <translation>滑块移动：</translation>
    </message>
    <message>
        <source>Latent dimensions</source>
        <translation>潜在维度</translation>
    </message>
    <message>
        <source>SeFa directions (closed form)</source>
        <translation>SeFa 方向（闭式解）</translation>
    </message>
    <message>
        <source>PCA directions (GANSpace)</source>
        <translation>PCA 方向（GANSpace）</translation>
    </message>
    <message>
        <source>Random directions (baseline)</source>
        <translation>随机方向（基线）</translation>
    </message>
    <message>
        <source>Class directions (InterFaceGAN)</source>
        <translation>类别方向（InterFaceGAN）</translation>
    </message>
    <message>
        <source>Saved directions</source>
        <translation>已保存的方向</translation>
    </message>
    <message>
        <source>Raw latent dimensions rarely mean anything on their own; directions found in the trained generator often do (shape, brightness, one kind of garment turning into another)</source>
        <translation>单个原始潜在维度很少有独立的含义；在训练好的生成器中找到的方向往往有（形状、亮度、一种服装变成另一种）</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Find the directions again in the newest generator</source>
        <translation>在最新的生成器中重新查找方向</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the work in progress</source>
        <translation>停止正在进行的工作</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>PCA analyses this generator layer&apos;s output (GANSpace uses an early layer)</source>
        <translation>PCA 分析生成器这一层的输出（GANSpace 使用靠前的层）</translation>
    </message>
    <message>
        <source>Range ±</source>
        <translation>范围 ±</translation>
    </message>
    <message>
        <source> spreads</source>
        <translation> 个标准差</translation>
    </message>
    <message>
        <source>Direction sliders go from minus to plus this many spreads: the prior&apos;s standard deviation along the direction</source>
        <translation>方向滑块的范围是正负这么多个标准差：先验沿该方向的标准差</translation>
    </message>
    <message>
        <source>Export walk...</source>
        <translation>导出漫游...</translation>
    </message>
    <message>
        <source>A walk from A to B or along a slider&apos;s direction, as an animated GIF or PNG frames</source>
        <translation>从 A 到 B 或沿某个滑块方向的漫游，导出为 GIF 动画或 PNG 帧</translation>
    </message>
    <message>
        <source>Export grid...</source>
        <translation>导出网格...</translation>
    </message>
    <message>
        <source>Several samples, each moved in steps along a slider&apos;s direction, as one PNG</source>
        <translation>几个样本，各自沿某个滑块方向逐步移动，导出为一张 PNG</translation>
    </message>
    <message>
        <source>Moves z along this direction, from -%1 to %1 spreads; one spread changes the samples by %2 (RMS, pixels 0..1)</source>
        <translation>沿此方向移动 z，范围 -%1 到 %1 个标准差；移动一个标准差使样本变化 %2（均方根，像素 0..1）</translation>
    </message>
    <message>
        <source>Finding directions... %p%</source>
        <translation>正在查找方向... %p%</translation>
    </message>
    <message>
        <source>Each slider moves one latent dimension of z, from -3 to 3.</source>
        <translation>每个滑块移动 z 的一个潜在维度，范围 -3 到 3。</translation>
    </message>
    <message>
        <source>No directions saved yet: find some, then press Save... beside the ones worth keeping. They are saved with the experiment.</source>
        <translation>尚未保存任何方向：先查找，再在值得保留的方向旁按“保存...”。它们随实验一起保存。</translation>
    </message>
    <message numerus="yes">
        <source>%n direction(s) saved with the experiment.</source>
        <translation>
            <numerusform>随实验保存了 %n 个方向。</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding PCA directions in %1 activations of layer %2...</source>
        <translation>正在层 %2 的 %1 个激活中查找 PCA 方向...</translation>
    </message>
    <message>
        <source>Finding directions...</source>
        <translation>正在查找方向...</translation>
    </message>
    <message>
        <source>Found in the generator from step %1.</source>
        <translation>在第 %1 步的生成器中找到。</translation>
    </message>
    <message>
        <source>Found in the generator from step %1 (layer %2).</source>
        <translation>在第 %1 步的生成器中找到（层 %2）。</translation>
    </message>
    <message>
        <source>The baseline: a random direction changes the samples by %1 per spread (RMS, pixels 0..1).</source>
        <translation>基线：沿随机方向每移动一个标准差，样本变化 %1（均方根，像素 0..1）。</translation>
    </message>
    <message>
        <source>The strongest changes the samples %1 times as much as a random direction (%2 against %3 per spread).</source>
        <translation>最强的方向使样本的变化是随机方向的 %1 倍（每个标准差 %2 对 %3）。</translation>
    </message>
    <message>
        <source>The generator has trained on since: Find to update.</source>
        <translation>此后生成器又训练了：按“查找”更新。</translation>
    </message>
    <message>
        <source>Directions are found in the trained generator once the run publishes one.</source>
        <translation>运行发布生成器后，将在训练好的生成器中查找方向。</translation>
    </message>
    <message>
        <source>PCA of %1 activations of the chosen layer, carried back to latent space: press Find (about half a minute).</source>
        <translation>对所选层的 %1 个激活做 PCA，再映射回潜在空间：按“查找”（约半分钟）。</translation>
    </message>
    <message>
        <source>Class directions need labelled images (Fashion-MNIST, or a folder with one subfolder per class).</source>
        <translation>类别方向需要带标签的图像（Fashion-MNIST，或每类一个子文件夹的文件夹）。</translation>
    </message>
    <message>
        <source>The image classifier labels 5000 samples and a linear boundary per class is fitted in latent space: press Find.</source>
        <translation>图像分类器为 5000 个样本打标签，并在潜在空间中为每个类别拟合一个线性边界：按“查找”。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>保存...</translation>
    </message>
    <message>
        <source>Remove this direction from the experiment (Undo brings it back)</source>
        <translation>从实验中删除此方向（撤销可恢复）</translation>
    </message>
    <message>
        <source>Name this direction and save it with the experiment</source>
        <translation>为此方向命名并随实验保存</translation>
    </message>
    <message>
        <source>Save direction</source>
        <translation>保存方向</translation>
    </message>
    <message>
        <source>Name of the direction (saved with the experiment):</source>
        <translation>方向名称（随实验保存）：</translation>
    </message>
    <message numerus="yes">
        <source>%n saved direction(s) belong to another latent size and are not shown.</source>
        <translation>
            <numerusform>%n 个已保存的方向属于另一种潜在维度大小，未显示。</numerusform>
        </translation>
    </message>
    <message>
        <source>No generator yet: start training first.</source>
        <translation>还没有生成器：请先开始训练。</translation>
    </message>
    <message>
        <source>Walks and grids are exported for image runs; this run makes 2D points.</source>
        <translation>漫游和网格只能为图像运行导出；此运行生成二维点。</translation>
    </message>
    <message>
        <source>Exporting... %p%</source>
        <translation>正在导出... %p%</translation>
    </message>
    <message>
        <source>Choose a direction to sweep along.</source>
        <translation>请选择要扫过的方向。</translation>
    </message>
    <message>
        <source>Choose A and B first.</source>
        <translation>请先选择 A 和 B。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n frame(s) to %1</source>
        <translation>
            <numerusform>已将 %n 帧写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote a grid of %1 samples x %2 steps to %3</source>
        <translation>已将 %1 个样本 × %2 步的网格写入 %3</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif);;PNG frames (*.png)</source>
        <translation>GIF 动画 (*.gif);;PNG 帧 (*.png)</translation>
    </message>
    <message>
        <source>Moves z along this direction, from -%1 to %1 spreads</source>
        <translation>沿此方向移动 z，范围 -%1 到 %1 个标准差</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>The class the conditional generator is asked for: the same z drawn as another class</source>
        <translation>向条件生成器请求的类别：同一个 z 画成另一个类别</translation>
    </message>
    <message>
        <source>Between classes, same z</source>
        <translation>类别之间（z 不变）</translation>
    </message>
    <message>
        <source>The strip draws the explored z from the class picked above to this one, the two classes&apos; embeddings mixed in even steps</source>
        <translation>条带把当前探索的 z 从上面选中的类别画到这个类别，两个类别的嵌入按均匀步长混合</translation>
    </message>
</context>
<context>
    <name>LatentRenderer</name>
    <message>
        <source>cannot render: unexpected error</source>
        <translation>无法渲染：意外错误</translation>
    </message>
</context>
<context>
    <name>LatentWalk</name>
    <message>
        <source>%1 latent values do not make %2 vectors of %3</source>
        <translation>%1 个潜在值无法组成 %2 个长度为 %3 的向量</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: no frames to write</source>
        <translation>%1：没有可写入的帧</translation>
    </message>
    <message>
        <source>%1: stopped before all frames were written; the %2 written were removed</source>
        <translation>%1：在写完所有帧之前停止；已写出的 %2 帧已删除</translation>
    </message>
</context>
<context>
    <name>LayerKinds</name>
    <message>
        <source>Linear: every output is a weighted sum of all inputs plus a bias. Needs a flat input.</source>
        <translation>Linear（全连接）：每个输出都是所有输入的加权和加上偏置。需要扁平的输入。</translation>
    </message>
    <message>
        <source>Conv2d: slides small filters over an image; stride 2 halves height and width. The discriminator&apos;s workhorse.</source>
        <translation>Conv2d（卷积）：在图像上滑动小滤波器；步幅 2 使高和宽减半。判别器的主力。</translation>
    </message>
    <message>
        <source>ConvTranspose2d: the reverse of a strided convolution; stride 2 doubles height and width. The DCGAN generator&apos;s upsampler.</source>
        <translation>ConvTranspose2d（转置卷积）：带步幅卷积的逆过程；步幅 2 使高和宽加倍。DCGAN 生成器的上采样层。</translation>
    </message>
    <message>
        <source>Upsample: enlarges the image by repeating (nearest) or blending (bilinear) pixels; no weights.</source>
        <translation>Upsample（上采样）：通过重复（最近邻）或混合（双线性）像素放大图像；没有权重。</translation>
    </message>
    <message>
        <source>BatchNorm1d: normalises each feature over the batch; steadies training of flat layers.</source>
        <translation>BatchNorm1d：在批次上归一化每个特征；让全连接层的训练更稳定。</translation>
    </message>
    <message>
        <source>BatchNorm2d: normalises each channel over the batch and the image.</source>
        <translation>BatchNorm2d：在批次和图像上归一化每个通道。</translation>
    </message>
    <message>
        <source>InstanceNorm2d: normalises each channel of each image on its own, with a learned scale and shift; does not mix samples of a batch, so it suits a discriminator with a gradient penalty.</source>
        <translation>InstanceNorm2d：对每张图像的每个通道单独归一化，并带有可学习的缩放和平移；不混合同一批次中的样本，因此适合使用梯度惩罚的判别器。</translation>
    </message>
    <message>
        <source>LayerNorm: normalises each sample on its own; does not mix samples of a batch.</source>
        <translation>LayerNorm：对每个样本单独归一化；不混合同一批次中的样本。</translation>
    </message>
    <message>
        <source>Dropout: zeroes random inputs while training, so the network cannot rely on any single one.</source>
        <translation>Dropout：训练时随机把一些输入置零，让网络不能依赖任何单个输入。</translation>
    </message>
    <message>
        <source>ReLU: keeps positive values, zeroes negative ones.</source>
        <translation>ReLU：保留正值，把负值置零。</translation>
    </message>
    <message>
        <source>LeakyReLU: like ReLU, but negative values keep a small slope, so gradients never vanish completely.</source>
        <translation>LeakyReLU：和 ReLU 类似，但负值保留一个小斜率，所以梯度永远不会完全消失。</translation>
    </message>
    <message>
        <source>ELU: smooth for negative values, approaching -alpha.</source>
        <translation>ELU：对负值是平滑的，趋近于 -alpha。</translation>
    </message>
    <message>
        <source>Tanh: squashes values into (-1, 1); ends image generators, since images are scaled to [-1, 1].</source>
        <translation>Tanh：把数值压缩到 (-1, 1)；用在图像生成器的末尾，因为图像被缩放到 [-1, 1]。</translation>
    </message>
    <message>
        <source>Sigmoid: squashes values into (0, 1). A final Sigmoid in the discriminator is folded into the sigmoid losses (numerically safer); the Wasserstein and hinge losses need raw scores.</source>
        <translation>Sigmoid：把数值压缩到 (0, 1)。判别器末尾的 Sigmoid 会并入 sigmoid 损失（数值上更安全）；Wasserstein 损失和 hinge 损失需要原始分数。</translation>
    </message>
    <message>
        <source>Flatten: turns a [C, H, W] image into one vector for a Linear layer.</source>
        <translation>Flatten（展平）：把 [C, H, W] 的图像变成一个向量，供 Linear 层使用。</translation>
    </message>
    <message>
        <source>Reshape: gives a flat vector a new shape, e.g. [128, 7, 7] after the generator&apos;s first Linear layer.</source>
        <translation>Reshape（变形）：给扁平向量一个新形状，例如在生成器第一个 Linear 层之后变成 [128, 7, 7]。</translation>
    </message>
</context>
<context>
    <name>LayerPropertyEditor</name>
    <message>
        <source>Fit to Input</source>
        <translation>匹配输入</translation>
    </message>
    <message>
        <source>Set this layer&apos;s input size (features, channels or normalised shape) to what actually arrives from the layer above</source>
        <translation>把这一层的输入大小（特征数、通道数或归一化形状）设成上一层实际传来的值</translation>
    </message>
    <message>
        <source>Select a layer to edit its settings. Drag kinds from the palette onto a stack, or double-click one.</source>
        <translation>选择一层来编辑它的设置。把层的种类从面板拖到网络上，或双击一种。</translation>
    </message>
    <message>
        <source>nearest</source>
        <translation>最近邻</translation>
    </message>
    <message>
        <source>bilinear</source>
        <translation>双线性</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>?</source>
        <translation>？</translation>
    </message>
    <message>
        <source>Write positive whole numbers separated by commas, e.g. 128, 7, 7</source>
        <translation>请输入用逗号分隔的正整数，例如 128, 7, 7</translation>
    </message>
</context>
<context>
    <name>LayerStackEditor</name>
    <message>
        <source>&lt;b&gt;Generator&lt;/b&gt;</source>
        <translation>&lt;b&gt;生成器&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Discriminator&lt;/b&gt;</source>
        <translation>&lt;b&gt;判别器&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a layer below the selected one</source>
        <translation>在选中层的下方添加一层</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>Insert a layer above the selected one (Ins)</source>
        <translation>在选中层的上方插入一层（Ins）</translation>
    </message>
    <message>
        <source>Insert a layer above the selected one</source>
        <translation>在选中层的上方插入一层</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the selected layer below itself</source>
        <translation>把选中的层复制到它的下方</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected layer</source>
        <translation>删除选中的层</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected layer up</source>
        <translation>把选中的层上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected layer down</source>
        <translation>把选中的层下移</translation>
    </message>
    <message>
        <source>%1 layers, %2 parameters, %3 MFLOPs per sample</source>
        <translation>%1 层，%2 个参数，每个样本 %3 MFLOPs</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s): hover a red layer to read it</source>
        <translation>
            <numerusform>%n 个问题：把鼠标移到红色的层上查看</numerusform>
        </translation>
    </message>
    <message>
        <source>After the last layer: %1, %2 → %3, %4 parameters, %5 MFLOPs per sample</source>
        <translation>最后一层之后：%1，%2 → %3，%4 个参数，每个样本 %5 MFLOPs</translation>
    </message>
    <message>
        <source>Before the first layer: %1, %2 → %3, %4 parameters, %5 MFLOPs per sample</source>
        <translation>第一层之前：%1，%2 → %3，%4 个参数，每个样本 %5 MFLOPs</translation>
    </message>
</context>
<context>
    <name>LayerStackModel</name>
    <message>
        <source>, SN</source>
        <translation>，谱归一化</translation>
    </message>
    <message>
        <source>, no bias</source>
        <translation>，无偏置</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>?</source>
        <translation>？</translation>
    </message>
    <message>
        <source>input %1 → output %2</source>
        <translation>输入 %1 → 输出 %2</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>MFLOPs</source>
        <translation>MFLOPs</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>Watch:</source>
        <translation>观察：</translation>
    </message>
    <message>
        <source>Then:</source>
        <translation>然后：</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>%1. Cells of five figures list the seeds in order, with the mean in brackets.</source>
        <translation>%1。含五个数的格子按顺序列出各个种子的结果，括号里是平均值。</translation>
    </message>
    <message>
        <source>About this lesson</source>
        <translation>关于这一课</translation>
    </message>
    <message>
        <source>The command line measures the table again, each row over the same seeds (a sweep; its results.md holds the table):</source>
        <translation>命令行可以重新测量此表，每行使用相同的种子（一次扫描；表格在其 results.md 中）：</translation>
    </message>
</context>
<context>
    <name>LossFormulas</name>
    <message>
        <source>after each D update: every weight &lt;i&gt;w&lt;/i&gt; ← clip(&lt;i&gt;w&lt;/i&gt;, −%1, %1)</source>
        <translation>每次 D 更新之后：每个权重 &lt;i&gt;w&lt;/i&gt; ← clip(&lt;i&gt;w&lt;/i&gt;, −%1, %1)</translation>
    </message>
    <message>
        <source>instance noise: D sees &lt;i&gt;x&lt;/i&gt; + σ&lt;i&gt;ε&lt;/i&gt;, &lt;i&gt;ε&lt;/i&gt; ~ N(0, I), σ falls from %1 to 0 over %2 steps</source>
        <translation>实例噪声：D 看到的是 &lt;i&gt;x&lt;/i&gt; + σ&lt;i&gt;ε&lt;/i&gt;，&lt;i&gt;ε&lt;/i&gt; ~ N(0, I)，σ 在 %2 步内从 %1 降到 0</translation>
    </message>
    <message>
        <source>instance noise: D sees &lt;i&gt;x&lt;/i&gt; + σ&lt;i&gt;ε&lt;/i&gt;, &lt;i&gt;ε&lt;/i&gt; ~ N(0, I), σ = %1</source>
        <translation>实例噪声：D 看到的是 &lt;i&gt;x&lt;/i&gt; + σ&lt;i&gt;ε&lt;/i&gt;，&lt;i&gt;ε&lt;/i&gt; ~ N(0, I)，σ = %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;x̂&lt;/i&gt; = &lt;i&gt;εx&lt;/i&gt; + (1 − &lt;i&gt;ε&lt;/i&gt;)&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;), &lt;i&gt;ε&lt;/i&gt; ~ U(0, 1) per sample</source>
        <translation>&lt;i&gt;x̂&lt;/i&gt; = &lt;i&gt;εx&lt;/i&gt; + (1 − &lt;i&gt;ε&lt;/i&gt;)&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;)，&lt;i&gt;ε&lt;/i&gt; ~ U(0, 1)，每个样本单独抽取</translation>
    </message>
    <message>
        <source>conditional: &lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;) = &lt;i&gt;G&lt;/i&gt;([&lt;i&gt;z&lt;/i&gt;, &lt;i&gt;e&lt;/i&gt;(&lt;i&gt;y&lt;/i&gt;)]) with a learned embedding &lt;i&gt;e&lt;/i&gt; of %1 numbers; &lt;i&gt;y&lt;/i&gt; is the real sample&apos;s label, and for fakes a class drawn uniformly from %2</source>
        <translation>条件：&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;) = &lt;i&gt;G&lt;/i&gt;([&lt;i&gt;z&lt;/i&gt;, &lt;i&gt;e&lt;/i&gt;(&lt;i&gt;y&lt;/i&gt;)])，其中 &lt;i&gt;e&lt;/i&gt; 是长度为 %1 的可学习嵌入；&lt;i&gt;y&lt;/i&gt; 对真实样本是其标签，对生成样本是从 %2 个类别中均匀抽取的类别</translation>
    </message>
    <message>
        <source>&lt;i&gt;D&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;) = &lt;i&gt;D&lt;/i&gt;([&lt;i&gt;x&lt;/i&gt;, onehot(&lt;i&gt;y&lt;/i&gt;)]): the class joins the input as %1 channels (cGAN, Mirza &amp;amp; Osindero 2014)</source>
        <translation>&lt;i&gt;D&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;) = &lt;i&gt;D&lt;/i&gt;([&lt;i&gt;x&lt;/i&gt;, onehot(&lt;i&gt;y&lt;/i&gt;)])：类别作为 %1 个通道并入输入（cGAN，Mirza &amp;amp; Osindero 2014）</translation>
    </message>
    <message>
        <source>&lt;i&gt;D&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;) = &lt;i&gt;ψ&lt;/i&gt;(&lt;i&gt;φ&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;)) + &lt;i&gt;e&lt;/i&gt;&lt;sub&gt;D&lt;/sub&gt;(&lt;i&gt;y&lt;/i&gt;)·&lt;i&gt;φ&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;): the score plus the class embedding&apos;s inner product with the features (projection, Miyato &amp;amp; Koyama 2018)</source>
        <translation>&lt;i&gt;D&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;) = &lt;i&gt;ψ&lt;/i&gt;(&lt;i&gt;φ&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;)) + &lt;i&gt;e&lt;/i&gt;&lt;sub&gt;D&lt;/sub&gt;(&lt;i&gt;y&lt;/i&gt;)·&lt;i&gt;φ&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;)：分数加上类别嵌入与特征的内积（投影判别器，Miyato &amp;amp; Koyama 2018）</translation>
    </message>
    <message>
        <source>AC-GAN: &lt;i&gt;L&lt;/i&gt;&lt;sub&gt;D&lt;/sub&gt; += %1·(CE(&lt;i&gt;C&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;), &lt;i&gt;y&lt;/i&gt;) + CE(&lt;i&gt;C&lt;/i&gt;(&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;)), &lt;i&gt;y&lt;/i&gt;)), &lt;i&gt;L&lt;/i&gt;&lt;sub&gt;G&lt;/sub&gt; += %1·CE(&lt;i&gt;C&lt;/i&gt;(&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;)), &lt;i&gt;y&lt;/i&gt;): a second head &lt;i&gt;C&lt;/i&gt; of D names the class (Odena et al. 2017)</source>
        <translation>AC-GAN：&lt;i&gt;L&lt;/i&gt;&lt;sub&gt;D&lt;/sub&gt; += %1·(CE(&lt;i&gt;C&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;), &lt;i&gt;y&lt;/i&gt;) + CE(&lt;i&gt;C&lt;/i&gt;(&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;)), &lt;i&gt;y&lt;/i&gt;))，&lt;i&gt;L&lt;/i&gt;&lt;sub&gt;G&lt;/sub&gt; += %1·CE(&lt;i&gt;C&lt;/i&gt;(&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;, &lt;i&gt;y&lt;/i&gt;)), &lt;i&gt;y&lt;/i&gt;)：D 的第二个输出头 &lt;i&gt;C&lt;/i&gt; 判断类别（Odena 等，2017）</translation>
    </message>
</context>
<context>
    <name>LossKinds</name>
    <message>
        <source>minimax (original, saturating)</source>
        <translation>极小极大（原始的，会饱和）</translation>
    </message>
    <message>
        <source>The original minimax game. G&apos;s loss saturates: while D confidently rejects the fakes, log(1 − D(G(z))) is flat and G gets almost no gradient.</source>
        <translation>最初的极小极大博弈。G 的损失会饱和：当 D 自信地拒绝假样本时，log(1 − D(G(z))) 很平坦，G 几乎得不到梯度。</translation>
    </message>
    <message>
        <source>non-saturating</source>
        <translation>非饱和</translation>
    </message>
    <message>
        <source>The same fixed point as minimax, but G maximises log D(G(z)) instead: strong gradients exactly when D wins. D(x) is a probability: the sigmoid of D&apos;s output.</source>
        <translation>与极小极大有相同的不动点，但 G 改为最大化 log D(G(z))：恰恰在 D 占上风时梯度很强。D(x) 是概率：D 输出的 sigmoid。</translation>
    </message>
    <message>
        <source>least squares (LSGAN)</source>
        <translation>最小二乘（LSGAN）</translation>
    </message>
    <message>
        <source>LSGAN: squared distances to the targets 1 (real) and 0 (fake) also pull on samples D already classifies correctly.</source>
        <translation>LSGAN：到目标 1（真实）和 0（生成）的平方距离，对 D 已经分对的样本也有拉力。</translation>
    </message>
    <message>
        <source>Wasserstein (weight clipping)</source>
        <translation>Wasserstein（权重裁剪）</translation>
    </message>
    <message>
        <source>WGAN: D is a critic whose score difference estimates the Wasserstein distance; clipping its weights keeps it roughly 1-Lipschitz, at the cost of its capacity.</source>
        <translation>WGAN：D 是一个评判器（critic），它的分数差估计 Wasserstein 距离；裁剪权重让它大致保持 1-Lipschitz，但代价是容量变小。</translation>
    </message>
    <message>
        <source>Wasserstein with gradient penalty</source>
        <translation>Wasserstein 加梯度惩罚</translation>
    </message>
    <message>
        <source>WGAN-GP: the penalty keeps the critic&apos;s gradient norm near 1 between real and fake samples, instead of clipping its weights.</source>
        <translation>WGAN-GP：惩罚项让评判器在真实样本和生成样本之间的梯度范数保持在 1 附近，而不是裁剪它的权重。</translation>
    </message>
    <message>
        <source>hinge</source>
        <translation>hinge</translation>
    </message>
    <message>
        <source>Hinge: D only learns from samples inside the margin (score below 1 for real, above −1 for fake).</source>
        <translation>Hinge：D 只从间隔以内的样本中学习（真实样本分数低于 1，生成样本分数高于 −1）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Design</source>
        <translation>设计(&amp;D)</translation>
    </message>
    <message>
        <source>Data &amp;&amp; &amp;Training</source>
        <translation>数据和训练(&amp;T)</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit Plots</source>
        <translation>适应绘图(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>用户指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About GAN Playground</source>
        <translation>关于 GAN Playground(&amp;A)</translation>
    </message>
    <message>
        <source>About GAN Playground</source>
        <translation>关于 GAN Playground</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>drawn points (stroke %1)</source>
        <translation>手绘的点（第 %1 笔）</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Matrix products: %1, %2 GFLOP/s with %n thread(s) (measured at start-up).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;矩阵乘法：%1，%n 个线程时 %2 GFLOP/s（启动时测得）。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown BLAS</source>
        <translation>未知的 BLAS</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The %1 translation cannot be loaded; GAN Playground stays in English.</source>
        <translation>无法加载%1翻译，GAN Playground 继续使用英语。</translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;GAN Playground %1&lt;/h3&gt;&lt;p&gt;Design, train and explore generative adversarial networks.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;LibTorch %4 (%5)&lt;br&gt;Training device: %6&lt;/p&gt;</source>
        <translation>&lt;h3&gt;GAN Playground %1&lt;/h3&gt;&lt;p&gt;设计、训练和探索生成对抗网络。&lt;/p&gt;&lt;p&gt;Qt %2（编译时为 %3）&lt;br&gt;LibTorch %4（%5）&lt;br&gt;训练设备：%6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>with CUDA</source>
        <translation>支持 CUDA</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>对比运行</translation>
    </message>
</context>
<context>
    <name>MeasuresPlot</name>
    <message>
        <source>modes captured</source>
        <translation>捕获的模式</translation>
    </message>
    <message>
        <source>modes</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>high quality %</source>
        <translation>高质量 %</translation>
    </message>
    <message>
        <source>Of 2500 samples from fixed noise (the protocol of VEEGAN and PacGAN): a sample is high quality within 3 sigma of a mode; a mode is captured when a high-quality sample is nearest to it</source>
        <translation>取自固定噪声的 2500 个样本（VEEGAN 和 PacGAN 的协议）：样本在某个模式的 3 sigma 以内即为高质量；某个模式最近的样本中有高质量样本时，该模式即被捕获</translation>
    </message>
    <message>
        <source>JS(real, generated)</source>
        <translation>JS(真实, 生成)</translation>
    </message>
    <message>
        <source>noise floor (real vs real)</source>
        <translation>噪声底（真实对真实）</translation>
    </message>
    <message>
        <source>JS, bits</source>
        <translation>JS，比特</translation>
    </message>
    <message>
        <source>&lt;b&gt;Published, same protocol&lt;/b&gt; (Lin et al., PacGAN, 2018): </source>
        <translation>&lt;b&gt;已发表结果，相同协议&lt;/b&gt;（Lin 等，PacGAN，2018）：</translation>
    </message>
    <message>
        <source>%1 %2 modes / %3 %</source>
        <translation>%1 %2 个模式 / %3 %</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 of %2 modes&lt;/b&gt;, %3 % high quality, reverse KL %4</source>
        <translation>&lt;b&gt;%2 个模式中的 %1 个&lt;/b&gt;，%3 % 高质量，反向 KL %4</translation>
    </message>
    <message>
        <source>JS %1 bits (noise floor %2)</source>
        <translation>JS %1 比特（噪声底 %2）</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <source>Live measures appear once a 2D run publishes its networks.</source>
        <translation>二维运行发布它的网络之后，这里会显示实时指标。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>&lt;b&gt;no mode captured&lt;/b&gt; of %1, %2 % high quality</source>
        <translation>&lt;b&gt;%1 个模式一个也未捕获&lt;/b&gt;，%2 % 高质量</translation>
    </message>
    <message>
        <source>Jensen-Shannon divergence of 500 generated against 500 real points (fewer for a small data set) on a 32 x 32 histogram over the area around the real data (in bits: 0 the same, 1 no overlap). A histogram estimate is biased upwards on small samples: two samples of the same data differ by chance. The dashed line is that chance: the JS between two disjoint samples of the real data of the same size. A run at the line is as close as this sample size can tell.</source>
        <translation>500 个生成点与 500 个真实点（数据集小时更少）在真实数据周围区域的 32 x 32 直方图上的 Jensen-Shannon 散度（单位为比特：0 表示相同，1 表示完全不重叠）。直方图估计在小样本上偏高：同一数据的两个样本也会因偶然而不同。虚线就是这种偶然：同样大小的两份不相交的真实数据样本之间的 JS。运行到达虚线，就是这个样本量能分辨的最接近程度。</translation>
    </message>
    <message>
        <source>%1: modes</source>
        <translation>%1：模式数</translation>
    </message>
</context>
<context>
    <name>ModelDiagram</name>
    <message>
        <source>z ~ p(z)</source>
        <translation>z ~ p(z)</translation>
    </message>
    <message>
        <source>x ~ data</source>
        <translation>x ~ 数据</translation>
    </message>
    <message>
        <source>D (critic)</source>
        <translation>D（评判器）</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>G</source>
        <translation>G</translation>
    </message>
    <message>
        <source>G(z)</source>
        <translation>G(z)</translation>
    </message>
    <message>
        <source>L_D</source>
        <translation>L_D</translation>
    </message>
    <message>
        <source>L_G</source>
        <translation>L_G</translation>
    </message>
</context>
<context>
    <name>PointsFile</name>
    <message>
        <source>a CSV file of points</source>
        <translation>点的 CSV 文件</translation>
    </message>
    <message>
        <source>%1: cannot open (%2)</source>
        <translation>%1：无法打开（%2）</translation>
    </message>
    <message>
        <source>%1: line %2 is not &quot;x,y&quot; or &quot;x,y,label&quot; with numbers: &quot;%3&quot;</source>
        <translation>%1：第 %2 行不是由数字组成的 &quot;x,y&quot; 或 &quot;x,y,label&quot;：&quot;%3&quot;</translation>
    </message>
    <message>
        <source>%1: line %2 has a coordinate beyond the 32-bit float range (%3): &quot;%4&quot;; scale the points down</source>
        <translation>%1：第 %2 行有一个坐标超出 32 位浮点数的范围（%3）：&quot;%4&quot;；请把点缩小</translation>
    </message>
    <message>
        <source>%1: holds no points</source>
        <translation>%1：没有任何点</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large type, plots and the 2D lab only: for a projector (F11 again to leave)</source>
        <translation>全屏、大字体，只显示绘图和二维实验室：适合投影仪（再按 F11 退出）</translation>
    </message>
</context>
<context>
    <name>PresetFiles</name>
    <message>
        <source>no preset named &quot;%1&quot; (presets: %2)</source>
        <translation>没有名为“%1”的预设（可用预设：%2）</translation>
    </message>
    <message>
        <source>preset %1</source>
        <translation>预设 %1</translation>
    </message>
</context>
<context>
    <name>PresetFollowUps</name>
    <message>
        <source>Switch to the non-saturating loss</source>
        <translation>换成非饱和损失</translation>
    </message>
    <message>
        <source>The lesson&apos;s next step: the same networks and fixed point, but G maximises log D(G(z)), so its gradient is strong exactly when D wins. One undo step; Start again to compare.</source>
        <translation>本课的下一步：同样的网络和同样的不动点，但 G 最大化 log D(G(z))，因此恰好在 D 占上风时它的梯度很强。这是一个撤销步骤；再次开始即可比较。</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Open the cured version</source>
        <translation>打开治愈后的版本</translation>
    </message>
    <message>
        <source>lesson-mode-collapse-cured: the same networks with an R1 penalty, two time-scales and EMA</source>
        <translation>lesson-mode-collapse-cured：同样的网络，加上 R1 惩罚、两种时间尺度和 EMA</translation>
    </message>
    <message>
        <source>Open the gradient-penalty version</source>
        <translation>打开梯度惩罚的版本</translation>
    </message>
    <message>
        <source>lesson-wgan-gp: the same critic kept Lipschitz by a gradient penalty instead of clipping</source>
        <translation>lesson-wgan-gp：同样的评论家，用梯度惩罚而不是裁剪来保持 Lipschitz</translation>
    </message>
    <message>
        <source>Take the labels away</source>
        <translation>去掉标签</translation>
    </message>
    <message>
        <source>The lesson&apos;s other half: the same networks, seed and steps without the class, which is lesson-mode-collapse. One undo step; Start again to compare the live mode count.</source>
        <translation>课程的另一半：相同的网络、种子和步数，但不告诉类别，也就是 lesson-mode-collapse。可一步撤销；重新开始，比较实时的模式数。</translation>
    </message>
    <message>
        <source>conditioning</source>
        <translation>条件</translation>
    </message>
</context>
<context>
    <name>PresetLessons</name>
    <message>
        <source>seeds 1 to 5</source>
        <translation>种子 1 到 5</translation>
    </message>
    <message>
        <source>gan-playground-cli train 10000 steps, then evaluate; %1</source>
        <translation>gan-playground-cli 训练 10000 步后评估；%1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Modes captured of 8</source>
        <translation>捕获的模式（共 8 个）</translation>
    </message>
    <message>
        <source>High quality %</source>
        <translation>高质量 %</translation>
    </message>
    <message>
        <source>lesson-mode-collapse (plain GAN)</source>
        <translation>lesson-mode-collapse（普通 GAN）</translation>
    </message>
    <message>
        <source>lesson-mode-collapse-cured (R1, two time-scales, EMA)</source>
        <translation>lesson-mode-collapse-cured（R1、双时间尺度、EMA）</translation>
    </message>
    <message>
        <source>Published plain GAN (Lin et al., PacGAN, 2018)</source>
        <translation>已发表的普通 GAN（Lin 等，PacGAN，2018）</translation>
    </message>
    <message>
        <source>The 2D lab: the orange points gather on a few of the blue clusters, and the live mode count under it stays below 8.</source>
        <translation>二维实验室：橙色点聚到少数几个蓝色簇上，下方实时的模式数一直低于 8。</translation>
    </message>
    <message>
        <source>Open the cured version: the same networks with an R1 penalty, two time-scales and a moving average of the generator.</source>
        <translation>打开治愈版：同样的网络，加上 R1 惩罚、双时间尺度和生成器的滑动平均。</translation>
    </message>
    <message>
        <source>The live mode count reaches 8 and stays there while the orange points settle on every cluster.</source>
        <translation>实时的模式数达到 8 并保持不变，同时橙色点落到每一个簇上。</translation>
    </message>
    <message>
        <source>Take the cures away one at a time (Data &amp; Training: R1, the learning rates, EMA) and see which one this seed needs.</source>
        <translation>每次去掉一种疗法（数据和训练：R1、学习率、EMA），看看这个种子需要哪一种。</translation>
    </message>
    <message>
        <source>The gradient-norm plot: |grad G| stays about 20 times below a non-saturating run&apos;s. In the 2D lab the orange points stay off the ring; Slow Motion&apos;s substep 6 shows the short arrows of one batch.</source>
        <translation>梯度范数图：|grad G| 一直比非饱和运行低约 20 倍。二维实验室里橙色点一直离开圆环；慢动作的第 6 个子步骤显示一个批次的短箭头。</translation>
    </message>
    <message>
        <source>Switch the loss to non-saturating (the button below) and start again: the points reach the ring within a few hundred steps.</source>
        <translation>把损失换成非饱和（下面的按钮）后重新开始：点会在几百步内到达圆环。</translation>
    </message>
    <message>
        <source>gan-playground-cli train 3000 steps, then evaluate; %1</source>
        <translation>gan-playground-cli 训练 3000 步后评估；%1</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Mean |grad G|, steps 1-1000</source>
        <translation>平均 |grad G|，第 1-1000 步</translation>
    </message>
    <message>
        <source>Mean D(G(z)), last 1000 steps</source>
        <translation>平均 D(G(z))，最后 1000 步</translation>
    </message>
    <message>
        <source>Points within 3 sigma of a mode %</source>
        <translation>距某个模式 3 sigma 以内的点 %</translation>
    </message>
    <message>
        <source>minimax</source>
        <translation>极小极大</translation>
    </message>
    <message>
        <source>non-saturating</source>
        <translation>非饱和</translation>
    </message>
    <message>
        <source>0.09 to 0.18</source>
        <translation>0.09 到 0.18</translation>
    </message>
    <message>
        <source>gan-playground-cli train 20000 steps, then evaluate; %1</source>
        <translation>gan-playground-cli 训练 20000 步后评估；%1</translation>
    </message>
    <message>
        <source>Critic kept Lipschitz by</source>
        <translation>让评论家保持 Lipschitz 的方法</translation>
    </message>
    <message>
        <source>Modes captured of 25</source>
        <translation>捕获的模式（共 25 个）</translation>
    </message>
    <message>
        <source>Jensen-Shannon, bits</source>
        <translation>Jensen-Shannon，比特</translation>
    </message>
    <message>
        <source>weight clipping</source>
        <translation>权重裁剪</translation>
    </message>
    <message>
        <source>gradient penalty</source>
        <translation>梯度惩罚</translation>
    </message>
    <message>
        <source>The critic: |grad G| about 0.0005 in the gradient plot, and in the 2D lab an almost flat ramp that cannot bend around 25 modes, so the points spread along one line.</source>
        <translation>评论家：梯度图中 |grad G| 约为 0.0005；二维实验室里它的判断几乎是一个平坦的斜坡，无法围绕 25 个模式弯曲，所以点沿一条线散开。</translation>
    </message>
    <message>
        <source>Open the gradient-penalty version: the same critic kept Lipschitz by a penalty instead of clipping.</source>
        <translation>打开梯度惩罚版：同样的评论家，用惩罚而不是裁剪来保持 Lipschitz。</translation>
    </message>
    <message>
        <source>|grad G| about 2 in the gradient plot; in the 2D lab arrows pointing different ways in different parts of the plane, and the generator&apos;s mesh stretching over the grid.</source>
        <translation>梯度图中 |grad G| 约为 2；二维实验室里平面不同区域的箭头指向不同方向，生成器的网格在整个栅格上铺开。</translation>
    </message>
    <message>
        <source>Compare with lesson-wgan-clip (Presets menu): the same critic with clipped weights gives a flat push in one direction.</source>
        <translation>与 lesson-wgan-clip（预设菜单）比较：同样的评论家在权重被裁剪时只给出一个方向的平坦推动。</translation>
    </message>
    <message>
        <source>gan-playground-cli train, then evaluate; %1</source>
        <translation>gan-playground-cli train，然后 evaluate；%1</translation>
    </message>
    <message>
        <source>Worst class in its own mode %</source>
        <translation>最差类别落在自身模式内的比例 %</translation>
    </message>
    <message>
        <source>lesson-mode-collapse (no labels, 10000 steps)</source>
        <translation>lesson-mode-collapse（无标签，10000 步）</translation>
    </message>
    <message>
        <source>lesson-conditioning (labels, 10000 steps)</source>
        <translation>lesson-conditioning（有标签，10000 步）</translation>
    </message>
    <message>
        <source>cgan-ring8 (labels, R1, two time-scales, EMA, 6000 steps)</source>
        <translation>cgan-ring8（有标签、R1、双时间尺度、EMA，6000 步）</translation>
    </message>
    <message>
        <source>The 2D lab: each class&apos;s points (one colour per class) go to their own cluster, and the live mode count reaches 8 where the same networks without labels stop short. Pick a class beside the lab to see the discriminator&apos;s opinion of points as that class.</source>
        <translation>二维实验室：每个类别的点（每类一种颜色）各自走向自己的簇，实时模式数达到 8，而没有标签的相同网络达不到。在实验室旁选择一个类别，可以看到判别器把各点当作该类别时的看法。</translation>
    </message>
    <message>
        <source>Take the labels away (the button below) and start again; then open cgan-ring8, the cures that also settle the one class that drifts here.</source>
        <translation>去掉标签（下面的按钮）后重新开始；然后打开 cgan-ring8，它的治疗手段也能让这里漂移的那个类别稳定下来。</translation>
    </message>
</context>
<context>
    <name>PresetTitles</name>
    <message>
        <source>DCGAN on Fashion-MNIST</source>
        <translation>Fashion-MNIST 上的 DCGAN</translation>
    </message>
    <message>
        <source>Hinge loss and spectral norm on Fashion-MNIST</source>
        <translation>Fashion-MNIST 上的铰链损失与谱归一化</translation>
    </message>
    <message>
        <source>Lesson: mode collapse</source>
        <translation>课程：模式崩溃</translation>
    </message>
    <message>
        <source>Lesson: mode collapse, cured</source>
        <translation>课程：治愈模式崩溃</translation>
    </message>
    <message>
        <source>Lesson: the saturating loss</source>
        <translation>课程：饱和损失</translation>
    </message>
    <message>
        <source>Lesson: WGAN with weight clipping</source>
        <translation>课程：权重裁剪的 WGAN</translation>
    </message>
    <message>
        <source>Lesson: WGAN with a gradient penalty</source>
        <translation>课程：带梯度惩罚的 WGAN</translation>
    </message>
    <message>
        <source>Least-squares GAN on Fashion-MNIST</source>
        <translation>Fashion-MNIST 上的最小二乘 GAN</translation>
    </message>
    <message>
        <source>MLP GAN on a grid of 25 Gaussians</source>
        <translation>25 个高斯网格上的 MLP GAN</translation>
    </message>
    <message>
        <source>MLP GAN on a ring of 8 Gaussians</source>
        <translation>8 个高斯环上的 MLP GAN</translation>
    </message>
    <message>
        <source>The Keras MNIST GAN, layer for layer</source>
        <translation>逐层照搬的 Keras MNIST GAN</translation>
    </message>
    <message>
        <source>WGAN-GP on Fashion-MNIST</source>
        <translation>Fashion-MNIST 上的 WGAN-GP</translation>
    </message>
    <message>
        <source>AC-GAN on Fashion-MNIST: ask for a class</source>
        <translation>Fashion-MNIST 上的 AC-GAN：指定类别生成</translation>
    </message>
    <message>
        <source>Conditional DCGAN on Fashion-MNIST: ask for a class</source>
        <translation>Fashion-MNIST 上的条件 DCGAN：指定类别生成</translation>
    </message>
    <message>
        <source>Conditional MLP GAN on a ring of 8 Gaussians</source>
        <translation>8 个高斯环上的条件 MLP GAN</translation>
    </message>
    <message>
        <source>Lesson: labels against mode collapse</source>
        <translation>课程：用标签对抗模式崩溃</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>A DCGAN (Radford et al. 2015) for 28x28 Fashion-MNIST. The generator turns 100 random numbers into a 7x7 grid of 128 feature maps and doubles the resolution twice with transposed convolutions; the discriminator halves it twice with strided convolutions and gives one score. BatchNorm and the non-saturating loss keep the two networks learning at similar speeds. Recognisable clothes appear after a few hundred steps.</source>
        <translation>一个用于 28x28 Fashion-MNIST 的 DCGAN（Radford 等，2015）。生成器把 100 个随机数变成 128 张 7x7 的特征图，再用转置卷积把分辨率加倍两次；判别器用带步幅的卷积把分辨率减半两次，给出一个分数。BatchNorm 和非饱和损失让两个网络以相近的速度学习。几百步之后就能认出衣服的样子。</translation>
    </message>
    <message>
        <source>Spectral normalisation with the hinge loss (Miyato et al. 2018). Every discriminator weight is divided by its largest singular value, estimated by power iteration, which bounds how fast the discriminator can change and makes training stable without BatchNorm in the discriminator. The hinge loss stops pushing on samples the discriminator already classifies with a margin. Adam 2e-4, betas 0.5/0.999, one D step per G step.</source>
        <translation>谱归一化加 hinge 损失（Miyato 等，2018）。判别器的每个权重都除以它的最大奇异值（用幂迭代估计），这限制了判别器变化的速度，使判别器不用 BatchNorm 也能稳定训练。hinge 损失不再推动判别器已经以足够间隔分对的样本。Adam 2e-4，betas 0.5/0.999，每次 G 更新一次 D 更新。</translation>
    </message>
    <message>
        <source>Lesson: curing mode collapse. The networks, loss, batch and steps of lesson-mode-collapse with three cures: an R1 penalty (gamma 0.1) on the discriminator&apos;s gradients at real data, two time-scales (the discriminator learns at 0.001, the generator at 0.0005, beta2 0.9) and samples from a moving average of the generator (decay 0.9995), with both learning rates falling to a fifth by the end. Watch the live mode count reach 8 and stay there while the orange points settle on every cluster. Measured with the command line (train 10000 steps, then evaluate) on seeds 1 to 5: 8 of 8 modes on every seed, high quality 90, 87, 90, 87 and 17 % (seed 5 covers every mode but its points are still spread at 10000 steps).</source>
        <translation>课程：治疗模式崩溃。网络、损失、批次和步数与 lesson-mode-collapse 相同，加上三种疗法：对判别器在真实数据上的梯度加 R1 惩罚（gamma 0.1）；两个时间尺度（判别器学习率 0.001，生成器 0.0005，beta2 0.9）；样本来自生成器的滑动平均（衰减 0.9995），两个学习率到最后都降到五分之一。看实时的模式计数达到 8 并保持不变，橙色的点落到每一个簇上。用命令行测得（训练 10000 步，然后 evaluate），种子 1 到 5：每个种子都捕获 8 个模式中的 8 个，高质量分别为 90、87、90、87 和 17 %（种子 5 覆盖了所有模式，但到 10000 步时它的点还比较分散）。</translation>
    </message>
    <message>
        <source>Lesson: mode collapse. A plain GAN on the ring of 8 Gaussians: the same four-layer MLPs as mlp-ring8, the non-saturating loss, both networks at Adam 0.001 (beta1 0.5, beta2 0.999), batch 64, no regulariser, no moving average. Watch the 2D lab: the orange points gather on a few of the blue clusters and the live mode count stays below 8. Measured with the command line (train 10000 steps, then evaluate) on seeds 1 to 5: 6, 8, 5, 7 and 7 of 8 modes (mean 6.6; the published plain GAN: 6.3), high quality 91, 91, 24, 45 and 81 %. Open lesson-mode-collapse-cured for the same networks with the cures.</source>
        <translation>课程：模式崩溃。在 8 个高斯组成的环上训练一个普通 GAN：与 mlp-ring8 相同的四层 MLP，非饱和损失，两个网络都用 Adam 0.001（beta1 0.5，beta2 0.999），批大小 64，没有正则项，没有滑动平均。看二维实验室：橙色的点聚集在少数几个蓝色簇上，实时的模式计数一直低于 8。用命令行测得（训练 10000 步，然后 evaluate），种子 1 到 5：捕获 8 个模式中的 6、8、5、7 和 7 个（平均 6.6；已发表的普通 GAN：6.3），高质量分别为 91、91、24、45 和 81 %。打开 lesson-mode-collapse-cured，看加上疗法的同样网络。</translation>
    </message>
    <message>
        <source>Lesson: the saturating minimax loss. The networks of lesson-mode-collapse on the ring of 8 Gaussians, with the original minimax loss: G minimises log(1 - D(G(z))). The discriminator takes 5 updates per generator update, so it soon rejects the fakes, and where D(G(z)) is near 0 that loss is flat: G gets almost no gradient. Watch the gradient-norm plot (|grad G| about 20 times below the non-saturating run&apos;s), the short arrows in the 2D lab (slow motion, substep 6, shows them for one batch) and the orange points, which stay off the ring. Then set the loss to non-saturating (-log D(G(z)), the same fixed point) with everything else unchanged: the points reach the ring within a few hundred steps. Measured with the command line (train 3000 steps, then evaluate) on seeds 1 to 5. Minimax: mean |grad G| over steps 1-1000 3.1, 2.7, 2.5, 3.2, 3.3; mean D(G(z)) over the last 1000 steps 0.000, 0.037, 0.022, 0.021, 0.008; points within 3 sigma of a mode 0.0, 3.2, 0.9, 0.0, 0.2 %. Non-saturating: |grad G| 32, 50, 101, 66, 78; D(G(z)) 0.09 to 0.18; points within 3 sigma of a mode 100, 97, 99, 76, 59 %. (With a D this strong the non-saturating run collapses onto 1 to 6 of the 8 modes: that is the mode-collapse lesson.)</source>
        <translation>课程：会饱和的极小极大损失。在 8 个高斯组成的环上使用 lesson-mode-collapse 的网络，配上最初的极小极大损失：G 最小化 log(1 - D(G(z)))。每次生成器更新，判别器更新 5 次，所以它很快就能拒绝假样本；在 D(G(z)) 接近 0 的地方，这个损失是平坦的：G 几乎得不到梯度。看梯度范数图（|grad G| 大约只有非饱和运行的二十分之一）、二维实验室中短短的箭头（慢动作的第 6 个子步骤会为一个批次显示它们），以及始终离环很远的橙色点。然后把损失改成非饱和（-log D(G(z))，不动点相同），其他一切不变：几百步之内这些点就到达环上。用命令行测得（训练 3000 步，然后 evaluate），种子 1 到 5。极小极大：第 1-1000 步的平均 |grad G| 为 3.1、2.7、2.5、3.2、3.3；最后 1000 步的平均 D(G(z)) 为 0.000、0.037、0.022、0.021、0.008；在某个模式 3 sigma 以内的点为 0.0、3.2、0.9、0.0、0.2 %。非饱和：|grad G| 为 32、50、101、66、78；D(G(z)) 为 0.09 到 0.18；在某个模式 3 sigma 以内的点为 100、97、99、76、59 %。（D 这么强时，非饱和运行会崩溃到 8 个模式中的 1 到 6 个上：这正是模式崩溃那一课。）</translation>
    </message>
    <message>
        <source>Lesson: weight clipping&apos;s capacity problem (WGAN, Arjovsky et al. 2017). The networks of lesson-mode-collapse on the 5 x 5 grid of Gaussians, the Wasserstein loss, 5 critic updates per generator update and Adam 0.0001 (beta1 0.5, beta2 0.9) for both networks in both lessons, so that only the way of keeping the critic 1-Lipschitz differs. Here every critic weight is clipped to [-0.01, 0.01] after each update. Watch the critic: its scores stay near 0.01 (the score plot), its gradients are tiny (|grad G| about 0.0005 in the gradient plot) and in the 2D lab its opinion is an almost flat ramp that cannot bend around 25 modes, so the generator is pushed along one direction and its points spread along a line. Compare lesson-wgan-gp. Measured with the command line (train 20000 steps, then evaluate) on seeds 1 to 5. Weight clipping: modes captured 15, 11, 15, 15, 14 of 25 (mean 14.0); points within 3 sigma of a mode 1.1, 1.1, 2.2, 1.7, 1.3 %; Jensen-Shannon 0.86, 0.86, 0.83, 0.83, 0.84 bits; mean |grad G| over steps 1-1000 0.0005, 0.0006, 0.0007, 0.0003, 0.0008. Gradient penalty: 23, 17, 17, 15, 22 of 25 (mean 18.8); 12.8, 1.6, 1.9, 2.0, 9.2 %; 0.59, 0.83, 0.83, 0.83, 0.58 bits; |grad G| 2.2, 2.8, 2.5, 2.6, 1.9. The penalty captures more modes on 4 seeds of 5 (one tie) and is closer to the data on 2 (equal on 3). Neither run is converged at 20000 steps with these small networks: the lesson is in where each goes.</source>
        <translation>课程：权重裁剪的容量问题（WGAN，Arjovsky 等，2017）。在 5 x 5 个高斯组成的网格上使用 lesson-mode-collapse 的网络，Wasserstein 损失，每次生成器更新对应 5 次评判器更新，两课中两个网络都用 Adam 0.0001（beta1 0.5，beta2 0.9），这样只有让评判器保持 1-Lipschitz 的方式不同。这里每次更新后评判器的每个权重都被裁剪到 [-0.01, 0.01]。看评判器：它的分数一直在 0.01 附近（分数图），它的梯度非常小（梯度图中 |grad G| 约为 0.0005），在二维实验室中它的判断几乎是一个平坦的斜面，无法绕着 25 个模式弯曲，所以生成器被推向同一个方向，它的点沿一条线散开。对比 lesson-wgan-gp。用命令行测得（训练 20000 步，然后 evaluate），种子 1 到 5。权重裁剪：捕获 25 个模式中的 15、11、15、15、14 个（平均 14.0）；在某个模式 3 sigma 以内的点为 1.1、1.1、2.2、1.7、1.3 %；Jensen-Shannon 为 0.86、0.86、0.83、0.83、0.84 比特；第 1-1000 步的平均 |grad G| 为 0.0005、0.0006、0.0007、0.0003、0.0008。梯度惩罚：25 个中的 23、17、17、15、22 个（平均 18.8）；12.8、1.6、1.9、2.0、9.2 %；0.59、0.83、0.83、0.83、0.58 比特；|grad G| 为 2.2、2.8、2.5、2.6、1.9。梯度惩罚在 5 个种子中的 4 个上捕获了更多模式（1 个持平），在 2 个上更接近数据（3 个相同）。用这么小的网络，两种运行到 20000 步时都没有收敛：这一课要看的是各自走向哪里。</translation>
    </message>
    <message>
        <source>Lesson: the gradient penalty instead of clipping (WGAN-GP, Gulrajani et al. 2017). The networks of lesson-mode-collapse on the 5 x 5 grid of Gaussians, the Wasserstein loss, 5 critic updates per generator update and Adam 0.0001 (beta1 0.5, beta2 0.9) for both networks in both lessons, so that only the way of keeping the critic 1-Lipschitz differs. Here the critic is free, and lambda = 10 times (|grad D(x^)| - 1)^2 at points between real and generated samples keeps its slope near 1. Watch the critic&apos;s gradients (|grad G| about 2, four thousand times lesson-wgan-clip&apos;s), the arrows in the 2D lab pointing different ways in different parts of the plane (with clipping they all lie along one line) and the generator&apos;s mesh stretching over the whole grid; the raw scores drift (only their differences matter). This lesson takes longer per step: the penalty needs a second backward pass. Compare lesson-wgan-clip. Measured with the command line (train 20000 steps, then evaluate) on seeds 1 to 5. Weight clipping: modes captured 15, 11, 15, 15, 14 of 25 (mean 14.0); points within 3 sigma of a mode 1.1, 1.1, 2.2, 1.7, 1.3 %; Jensen-Shannon 0.86, 0.86, 0.83, 0.83, 0.84 bits; mean |grad G| over steps 1-1000 0.0005, 0.0006, 0.0007, 0.0003, 0.0008. Gradient penalty: 23, 17, 17, 15, 22 of 25 (mean 18.8); 12.8, 1.6, 1.9, 2.0, 9.2 %; 0.59, 0.83, 0.83, 0.83, 0.58 bits; |grad G| 2.2, 2.8, 2.5, 2.6, 1.9. The penalty captures more modes on 4 seeds of 5 (one tie) and is closer to the data on 2 (equal on 3). Neither run is converged at 20000 steps with these small networks: the lesson is in where each goes.</source>
        <translation>课程：用梯度惩罚代替裁剪（WGAN-GP，Gulrajani 等，2017）。在 5 x 5 个高斯组成的网格上使用 lesson-mode-collapse 的网络，Wasserstein 损失，每次生成器更新对应 5 次评判器更新，两课中两个网络都用 Adam 0.0001（beta1 0.5，beta2 0.9），这样只有让评判器保持 1-Lipschitz 的方式不同。这里评判器不受裁剪，在真实样本和生成样本之间的点上加 lambda = 10 乘以 (|grad D(x^)| - 1)^2，让它的斜率保持在 1 附近。看评判器的梯度（|grad G| 约为 2，是 lesson-wgan-clip 的四千倍）、二维实验室中在平面不同区域指向不同方向的箭头（裁剪时它们都沿着同一条线），以及生成器的网格在整个栅格上铺开；原始分数会漂移（只有它们的差值有意义）。这一课每步用时更长：惩罚项需要第二次反向传播。对比 lesson-wgan-clip。用命令行测得（训练 20000 步，然后 evaluate），种子 1 到 5。权重裁剪：捕获 25 个模式中的 15、11、15、15、14 个（平均 14.0）；在某个模式 3 sigma 以内的点为 1.1、1.1、2.2、1.7、1.3 %；Jensen-Shannon 为 0.86、0.86、0.83、0.83、0.84 比特；第 1-1000 步的平均 |grad G| 为 0.0005、0.0006、0.0007、0.0003、0.0008。梯度惩罚：25 个中的 23、17、17、15、22 个（平均 18.8）；12.8、1.6、1.9、2.0、9.2 %；0.59、0.83、0.83、0.83、0.58 比特；|grad G| 为 2.2、2.8、2.5、2.6、1.9。梯度惩罚在 5 个种子中的 4 个上捕获了更多模式（1 个持平），在 2 个上更接近数据（3 个相同）。用这么小的网络，两种运行到 20000 步时都没有收敛：这一课要看的是各自走向哪里。</translation>
    </message>
    <message>
        <source>Least-squares GAN (Mao et al. 2017): the DCGAN networks, but the discriminator regresses real images to 1 and fakes to 0 with a squared error, and the generator pulls its samples towards 1. Fakes that are classified correctly but lie far from the real data still get gradients, which the sigmoid cross-entropy would flatten.</source>
        <translation>最小二乘 GAN（Mao 等，2017）：使用 DCGAN 的网络，但判别器用平方误差把真实图像回归到 1、把假图像回归到 0，生成器把它的样本拉向 1。那些已被分对、但离真实数据很远的假样本仍然能得到梯度，而 sigmoid 交叉熵会把这些梯度压平。</translation>
    </message>
    <message>
        <source>Twenty-five Gaussians on a 5x5 grid (sigma 0.05), harder than the ring: the generator must split its latent space into 25 separate pieces, and every sample that falls between two of them is wasted. Same networks and cures as mlp-ring8 (R1 penalty, averaged generator, 48,000 steps), with a larger learning rate (0.001) falling to a tenth by the end: the grid spans eight units, so its generator has further to move. A sample counts as high quality within 3 sigma (0.15) of a mode.</source>
        <translation>5x5 网格上的 25 个高斯（sigma 0.05），比环更难：生成器必须把它的潜在空间分成 25 块互不相连的部分，每个落在两块之间的样本都被浪费了。网络和疗法与 mlp-ring8 相同（R1 惩罚、平均生成器、48,000 步），学习率更大（0.001），到最后降到十分之一：网格跨越八个单位，所以生成器要移动得更远。样本在某个模式的 3 sigma（0.15）以内即为高质量。</translation>
    </message>
    <message>
        <source>Eight Gaussians on the unit circle (sigma 0.01), the standard test for mode collapse (VEEGAN, PacGAN). Both networks are multilayer perceptrons with four hidden layers of 64 units. Watch the generated points (orange) find the eight real clusters (blue). Three cures for collapse and jitter are on: a light R1 penalty (gamma 0.1) keeps the discriminator&apos;s gradients on real data small, so the two networks settle instead of circling; the discriminator learns twice as fast as the generator (0.001 against 0.0005, the two-timescale rule), so it keeps up with every stray point; and samples come from an exponential moving average of the generator (decay 0.9995). Between two clusters the generator has to jump, and every sample it puts on the way is wasted: small networks trained for many steps (48,000), with the learning rates lowered to a fifth by the end, make those jumps steep. A sample counts as high quality within 3 sigma (0.03) of a mode; a mode is captured when any high-quality sample lands on it.</source>
        <translation>单位圆上的 8 个高斯（sigma 0.01），这是模式崩溃的标准测试（VEEGAN、PacGAN）。两个网络都是有四个 64 单元隐藏层的多层感知机。看生成的点（橙色）找到八个真实的簇（蓝色）。三种防止崩溃和抖动的疗法都已打开：轻微的 R1 惩罚（gamma 0.1）让判别器在真实数据上的梯度保持很小，这样两个网络会稳定下来而不是来回打转；判别器学得比生成器快一倍（0.001 对 0.0005，双时间尺度规则），所以它能跟上每一个偏离的点；样本来自生成器的指数滑动平均（衰减 0.9995）。在两个簇之间生成器必须跳过去，它放在半路上的每个样本都被浪费了：小网络训练很多步（48,000 步），学习率到最后降到五分之一，能让这些跳跃变得陡峭。样本在某个模式的 3 sigma（0.03）以内即为高质量；只要有一个高质量样本落在某个模式上，该模式就被捕获。</translation>
    </message>
    <message>
        <source>The Keras MNIST GAN of the design documents, layer for layer: a dense layer to 7x7x128, three transposed convolutions (5x5, &quot;same&quot; padding: padding 2, and output padding 1 where the stride is 2) and a final 5x5 convolution with tanh; the discriminator uses two 3x3 convolutions with dropout and a dense sigmoid output, trained with binary cross-entropy. The original scales images to [0, 1] while its generator ends in tanh (range [-1, 1]); here the data is scaled to [-1, 1] to match. Debian packages no MNIST, so it trains on Fashion-MNIST; point the data at MNIST IDX files to reproduce the original.</source>
        <translation>设计文档中的 Keras MNIST GAN，逐层还原：一个全连接层到 7x7x128，三个转置卷积（5x5，&quot;same&quot; 填充：填充 2，步幅为 2 时输出填充 1），最后一个带 tanh 的 5x5 卷积；判别器用两个带 dropout 的 3x3 卷积和一个 sigmoid 全连接输出，用二元交叉熵训练。原版把图像缩放到 [0, 1]，而它的生成器以 tanh 结尾（范围 [-1, 1]）；这里把数据缩放到 [-1, 1] 以便一致。Debian 没有打包 MNIST，所以它在 Fashion-MNIST 上训练；把数据指向 MNIST 的 IDX 文件即可重现原版。</translation>
    </message>
    <message>
        <source>Wasserstein GAN with gradient penalty (Gulrajani et al. 2017). The critic scores samples without a sigmoid and is kept 1-Lipschitz by penalising gradient norms away from 1 on points between real and generated images (lambda 10). It is updated 5 times per generator step with Adam(1e-4, betas 0.5/0.9), and LayerNorm replaces BatchNorm in the critic because the penalty is computed per sample. Its loss tracks sample quality better than the usual GAN losses.</source>
        <translation>带梯度惩罚的 Wasserstein GAN（Gulrajani 等，2017）。评判器不经过 sigmoid 直接给样本打分，并通过惩罚真实图像和生成图像之间各点上偏离 1 的梯度范数（lambda 10）保持 1-Lipschitz。每次生成器更新，它用 Adam(1e-4，betas 0.5/0.9) 更新 5 次；因为惩罚是按样本计算的，评判器中用 LayerNorm 代替 BatchNorm。它的损失比常见的 GAN 损失更能反映样本质量。</translation>
    </message>
    <message>
        <source>A conditional GAN (Mirza &amp; Osindero 2014) on the eight Gaussians of ring8: each point&apos;s label is the mode it was drawn from, and both networks are told it. The generator takes z joined with a learned 8-number embedding of the label; the discriminator takes the point joined with the label as eight one-hot features (concat). Asked for class k, the generator only has to make mode k, so it never has to jump between clusters: compare mlp-ring8, the same networks without labels, which needs 48,000 steps. It keeps mlp-ring8&apos;s light R1 penalty and two time-scales; samples come from a moving average of the generator with decay 0.999 (mlp-ring8&apos;s 0.9995 averages over too many of these 6,000 steps: measured, it left every class&apos;s points off their mode). The sample grid colours each generated point by the class asked, and the 2D lab shows the discriminator&apos;s opinion of one class at a time.</source>
        <translation>ring8 的八个高斯上的条件 GAN（Mirza &amp; Osindero 2014）：每个点的标签就是它所来自的模式，两个网络都知道这个标签。生成器的输入是 z 与标签的 8 维可学习嵌入的拼接；判别器的输入是点与 8 个独热特征形式的标签的拼接（拼接方式）。被要求生成类别 k 时，生成器只需生成模式 k，因此永远不必在簇之间跳跃：对比 mlp-ring8，即没有标签的相同网络，它需要 48,000 步。本预设保留了 mlp-ring8 的轻度 R1 惩罚和双时间尺度；样本来自生成器的滑动平均，衰减为 0.999（mlp-ring8 的 0.9995 在这 6,000 步中平均了太多步：实测会让每个类别的点都偏离各自的模式）。样本图按请求的类别给每个生成点着色，二维实验室一次显示判别器对一个类别的看法。</translation>
    </message>
    <message>
        <source>An AC-GAN (Odena et al. 2017): the DCGAN of dcgan-fashion, whose generator is told the class (z joined with a learned 10-number embedding of it) and whose discriminator has a second head that names the class of every image it sees. Both networks also minimise that head&apos;s cross-entropy: the discriminator on real and generated images, the generator on its own. Measured at 2000 steps on seed 1 (train, then evaluate), it does much worse than cdcgan-fashion: the program&apos;s classifier names the class asked for only 39.7 % of samples (cdcgan-fashion 89.7 %), and some classes come out as others (Sneaker, Bag and Ankle boot at 0 %), likely because the head also learns the labels the generator was given for its fakes, so a generator that draws one class for another&apos;s label can go uncorrected (not yet measured apart); FD 117. With the class loss weight at 0.2 it was 33.2 % and FD 89. Compare the two in evaluate&apos;s per-class table.</source>
        <extracomment>The description of the built-in experiment &quot;acgan-fashion&quot;.</extracomment>
        <translation>AC-GAN（Odena 等，2017）：dcgan-fashion 的 DCGAN，生成器被告知类别（z 与该类别的 10 维可学习嵌入拼接），判别器多了一个输出头，为它看到的每张图像判断类别。两个网络还都最小化这个输出头的交叉熵：判别器针对真实图像和生成图像，生成器针对自己生成的图像。在种子 1 上训练 2000 步实测（train 后 evaluate），它比 cdcgan-fashion 差得多：程序自带的分类器只把 39.7 % 的样本判为所请求的类别（cdcgan-fashion 为 89.7 %），有些类别被画成了别的类别（运动鞋、包和短靴为 0 %），可能是因为这个输出头也学习了生成器为其生成图像所得到的标签，于是把一个类别画成另一个类别的生成器可能得不到纠正（尚未单独测量）；FD 为 117。把类别损失权重设为 0.2 时为 33.2 %，FD 为 89。可用 evaluate 的逐类别表格比较两者。</translation>
    </message>
    <message>
        <source>The DCGAN of dcgan-fashion, told which of the ten classes to draw. The generator takes z joined with a learned 10-number embedding of the class (Mirza &amp; Osindero 2014); the discriminator scores an image for its class with a projection (Miyato &amp; Koyama 2018): its score is the plain score plus the inner product of the class&apos;s learned embedding with the 6,272 features its last layer reads. The sample grid shows one row per class, the noise fixed per column, so a column is one z drawn as every class. Measured at 2000 steps on seeds 1 to 3 (train, then evaluate): the program&apos;s classifier names the class asked for 89.7, 91.5 and 91.1 % of 10,000 samples, and the FD is 38.9, 38.1 and 31.4 against dcgan-fashion&apos;s 89.3, 104.9 and 98.5 with the same seeds. Projection rather than concat: concat gave 86.2 % and FD 39.6 on seed 1.</source>
        <translation>dcgan-fashion 的 DCGAN，被告知要画十个类别中的哪一个。生成器的输入是 z 与类别的 10 维可学习嵌入的拼接（Mirza &amp; Osindero 2014）；判别器用投影方式为图像按其类别打分（Miyato &amp; Koyama 2018）：分数是普通分数加上该类别的可学习嵌入与最后一层读取的 6,272 个特征的内积。样本图每行一个类别，每列噪声固定，所以一列就是同一个 z 画成每个类别。在种子 1 到 3 上训练 2000 步实测（train 后 evaluate）：程序自带的分类器把 10,000 个样本中的 89.7、91.5、91.1 % 判为所请求的类别，FD 为 38.9、38.1、31.4，而相同种子的 dcgan-fashion 为 89.3、104.9、98.5。选用投影而不是拼接：拼接在种子 1 上为 86.2 %，FD 为 39.6。</translation>
    </message>
    <message>
        <source>Lesson: labels against mode collapse. The plain GAN of lesson-mode-collapse (the same four-layer MLPs, non-saturating loss, Adam 0.001, batch 64, no regulariser, no moving average, 10000 steps) with one change: both networks are told each point&apos;s class, the ring8 mode it came from (concat conditioning: the generator takes z joined with an 8-number embedding of the class, the discriminator the point joined with eight one-hot features). Asked for one class, the generator only has to make one cluster, and the discriminator judges each class on its own, so no cluster can be dropped unnoticed. Measured with the command line (train, then evaluate) on seeds 1 to 5: 8, 7, 8, 8 and 8 of 8 modes (mean 7.8; without labels 6, 8, 5, 7 and 7, mean 6.6), high quality 98.6, 88.4, 99.6, 90.2 and 93.5 % (without labels 91, 91, 24, 45 and 81). Labels are not a whole cure: on seeds 2, 4 and 5 one class (4) settles off its cluster (0, 15 and 50 % of its points within 3 sigma), which cgan-ring8&apos;s R1 penalty, two time-scales and moving average fix (8 of 8 and every class 100 % on all five seeds). On Fashion-MNIST the same holds for classes: over 10,000 samples (evaluate, 2000 steps, seeds 1 to 3) dcgan-fashion makes its most common class (Shirt) 2.5 to 2.8 times as often as its rarest, cdcgan-fashion, asked for each class equally, 1.2 to 1.3 times.</source>
        <translation>课程：用标签对抗模式崩溃。lesson-mode-collapse 的普通 GAN（相同的四层 MLP、非饱和损失、Adam 0.001、批大小 64、无正则项、无滑动平均、10000 步），只改一处：两个网络都知道每个点的类别，即它来自的 ring8 模式（拼接条件：生成器的输入是 z 与类别的 8 维嵌入的拼接，判别器的输入是点与 8 个独热特征的拼接）。被要求生成一个类别时，生成器只需生成一个簇，判别器也对每个类别分别评判，所以任何一个簇被丢掉都会被发现。用命令行实测（train 后 evaluate），种子 1 到 5：8 个模式中分别捕获 8、7、8、8、8 个（平均 7.8；无标签时为 6、8、5、7、7，平均 6.6），高质量比例 98.6、88.4、99.6、90.2、93.5 %（无标签时为 91、91、24、45、81）。标签并不能完全治愈：在种子 2、4、5 上，有一个类别（4）停在簇外（只有 0、15、50 % 的点在 3 sigma 以内），cgan-ring8 的 R1 惩罚、双时间尺度和滑动平均可以解决（五个种子全部 8 个模式、每个类别 100 %）。在 Fashion-MNIST 上，类别也是如此：在 10,000 个样本上（evaluate，2000 步，种子 1 到 3），dcgan-fashion 最常生成的类别（衬衫）是最少的类别的 2.5 到 2.8 倍，而对每个类别请求次数相同的 cdcgan-fashion 只有 1.2 到 1.3 倍。</translation>
    </message>
</context>
<context>
    <name>PyTorchExport</name>
    <message>
        <source>the experiment cannot train, so there is nothing to export yet:
%1</source>
        <translation>该实验还不能训练，因此暂无可导出的内容：
%1</translation>
    </message>
    <message>
        <source>points file</source>
        <translation>点文件</translation>
    </message>
    <message>
        <source>%1: class %2 does not fit an IDX labels file (0 to 255)</source>
        <translation>%1：类别 %2 无法写入 IDX 标签文件（只能是 0 到 255）</translation>
    </message>
    <message>
        <source>PyTorch script</source>
        <translation>PyTorch 脚本</translation>
    </message>
    <message>
        <source>%1: already holds a file this program did not export; choose another file name, or add --force to replace it</source>
        <translation>%1：已存放着一个不是本程序导出的文件；请换一个文件名，或加上 --force 替换它</translation>
    </message>
</context>
<context>
    <name>QualityMeter</name>
    <message>
        <source>%1 holds %2 images; the image measures need at least %3</source>
        <translation>%1 只有 %2 张图像；图像度量至少需要 %3 张</translation>
    </message>
    <message>
        <source>%1 (%2 of its images held out: the data has no test split)</source>
        <translation>%1（留出其中 %2 张图像：数据没有测试集）</translation>
    </message>
    <message>
        <source>%1 holds %2 images; the image measures hold out part of them to compare with and need at least %3</source>
        <translation>%1 只有 %2 张图像；图像质量指标要留出一部分用于比较，至少需要 %3 张</translation>
    </message>
</context>
<context>
    <name>QualityPlot</name>
    <message>
        <source>Measure every</source>
        <translation>测量间隔</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Fréchet distance (lower is better)</source>
        <translation>Fréchet 距离（越低越好）</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Fréchet distance</source>
        <translation>Fréchet 距离</translation>
    </message>
    <message>
        <source>precision, recall, coverage</source>
        <translation>精确率、召回率、覆盖率</translation>
    </message>
    <message>
        <source>Image quality is measured on the run&apos;s samples every %1 steps, off the training thread.</source>
        <translation>每 %1 步在训练线程之外测量一次样本的图像质量。</translation>
    </message>
    <message>
        <source>Image quality is not measured (Measure every: never).</source>
        <translation>不测量图像质量（测量间隔：从不）。</translation>
    </message>
    <message>
        <source>Training the image measures&apos; classifier on this data (once: later runs reuse it): %1%</source>
        <translation>正在用这份数据训练图像度量的分类器（只需一次，之后的训练会复用）：%1%</translation>
    </message>
    <message>
        <source>Image measures: %1</source>
        <translation>图像度量：%1</translation>
    </message>
    <message>
        <source>random convolutional features (the data has no labels)</source>
        <translation>随机卷积特征（数据没有标签）</translation>
    </message>
    <message>
        <source>a classifier of %1 classes (accuracy %2 on %3)</source>
        <translation>%1 类分类器（在 %3 上准确率 %2）</translation>
    </message>
    <message>
        <source>Step %1: FD %2 · KID %3 ± %4 · precision %5 · recall %6 · coverage %7</source>
        <translation>第 %1 步：FD %2 · KID %3 ± %4 · 精确率 %5 · 召回率 %6 · 覆盖率 %7</translation>
    </message>
    <message>
        <source>%1 · classifier score %2 of %3</source>
        <translation>%1 · 分类器得分 %2（最高 %3）</translation>
    </message>
    <message>
        <source>How often the window measures the generator&apos;s image quality. Each measurement generates %1 samples on a thread of its own at low priority and rests nineteen times as long as it took, so the training loses at most a few percent of its speed.</source>
        <translation>窗口多久测量一次生成器的图像质量。每次测量在一个低优先级的独立线程上生成 %1 个样本，之后休息其耗时的十九倍，因此训练速度最多损失百分之几。</translation>
    </message>
    <message>
        <source>Measured with %1 on %2 samples in %3 s.</source>
        <translation>使用%1在 %2 个样本上测量，用时 %3 秒。</translation>
    </message>
    <message>
        <source>Fréchet distance: between Gaussians fitted to the features of %1 generated and %1 real images (FID&apos;s formula, with the program&apos;s own classifier instead of Inception); other real images score a few units, uniform noise over 800.
Precision: the share of samples that look like some real image; recall: the share of real images some sample resembles; coverage: the share of real images with a sample close by.
Wheel zooms the steps, drag pans, double-click fits.</source>
        <translation>Fréchet 距离：分别对 %1 张生成图像和 %1 张真实图像的特征拟合高斯分布后两者之间的距离（FID 的公式，但用程序自己的分类器代替 Inception）；其他真实图像只有几个单位，均匀噪声超过 800。
精确率：看起来像某张真实图像的样本所占比例；召回率：有样本与之相似的真实图像所占比例；覆盖率：附近有样本的真实图像所占比例。
滚轮缩放步数，拖动平移，双击适配。</translation>
    </message>
    <message>
        <source>Measuring with %1; the first figures come with the first trained generator the run publishes.</source>
        <translation>使用%1测量；训练发布第一个训练过的生成器时给出第一组数字。</translation>
    </message>
    <message>
        <source>Next at step ~%1.</source>
        <translation>下一次约在第 %1 步。</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Measured with %1 on %2 samples.</source>
        <translation>用%1在 %2 个样本上测量。</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s) came with the checkpoint.</source>
        <translation>
            <numerusform>%n 次测量来自检查点。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due measurement(s) skipped (×): the measures rest nineteen times as long as one takes, so that the training keeps its pace.</source>
        <translation>
            <numerusform>跳过了 %n 次到期的测量（×）：每次测量后会休息它所用时间的十九倍，好让训练保持速度。</numerusform>
        </translation>
    </message>
    <message>
        <source>The followed run&apos;s image quality comes from its metrics.csv (train --eval-every); none is there yet.</source>
        <translation>所跟随运行的图像质量来自它的 metrics.csv（train --eval-every）；目前还没有。</translation>
    </message>
    <message>
        <source>Measured by the command line that trains the run (train --eval-every), read from its metrics.csv.</source>
        <translation>由训练该运行的命令行测量（train --eval-every），读自它的 metrics.csv。</translation>
    </message>
    <message>
        <source>%1: Fréchet distance</source>
        <translation>%1：Fréchet 距离</translation>
    </message>
</context>
<context>
    <name>QualityRenderer</name>
    <message>
        <source>cannot prepare the image measures: unexpected error</source>
        <translation>无法准备图像度量：意外错误</translation>
    </message>
    <message>
        <source>cannot measure the samples of step %1: %2</source>
        <translation>无法测量第 %1 步的样本：%2</translation>
    </message>
    <message>
        <source>cannot measure the samples of step %1: unexpected error</source>
        <translation>无法测量第 %1 步的样本：意外错误</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>cannot make the recovery folder %1; the open experiment is not autosaved</source>
        <translation>无法创建恢复文件夹 %1；打开的实验不会自动保存</translation>
    </message>
    <message>
        <source>cannot lock the recovery folder %1; the open experiment is not autosaved</source>
        <translation>无法锁定恢复文件夹 %1；打开的实验不会自动保存</translation>
    </message>
    <message>
        <source>recovery notes</source>
        <translation>恢复说明</translation>
    </message>
    <message>
        <source>autosaved experiment</source>
        <translation>自动保存的实验</translation>
    </message>
</context>
<context>
    <name>RoofProbe</name>
    <message>
        <source>3x3 convolution, %1 channels at %2x%2</source>
        <translation>3x3 卷积，%1 个通道，%2x%2</translation>
    </message>
    <message>
        <source>1024x1024 matrix product</source>
        <translation>1024x1024 矩阵乘法</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source>Reached the step budget (%1 steps). Resume trains on.</source>
        <translation>已达到步数上限（%1 步）。继续可以接着训练。</translation>
    </message>
    <message>
        <source>Checkpoint saved to %1</source>
        <translation>检查点已保存到 %1</translation>
    </message>
    <message>
        <source>Checkpoint not saved</source>
        <translation>检查点未保存</translation>
    </message>
    <message>
        <source>%1

Training is paused; resume it (F6) once the problem is solved.</source>
        <translation>%1

训练已暂停；问题解决后可以继续（F6）。</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume training</source>
        <translation>暂停或继续训练</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>单步(&amp;T)</translation>
    </message>
    <message>
        <source>One training step while paused</source>
        <translation>暂停时训练一步</translation>
    </message>
    <message>
        <source>S&amp;low Motion</source>
        <translation>慢动作(&amp;L)</translation>
    </message>
    <message>
        <source>The next substep of a training step, explained in the Slow Motion panel</source>
        <translation>训练步骤的下一个子步骤，在“慢动作”面板中讲解</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>End this run</source>
        <translation>结束本次运行</translation>
    </message>
    <message>
        <source>&amp;Resume from Checkpoint...</source>
        <translation>从检查点继续(&amp;R)...</translation>
    </message>
    <message>
        <source>Resume from checkpoint</source>
        <translation>从检查点继续</translation>
    </message>
    <message>
        <source>Checkpoints (*.pt)</source>
        <translation>检查点 (*.pt)</translation>
    </message>
    <message>
        <source>Save &amp;Checkpoint...</source>
        <translation>保存检查点(&amp;C)...</translation>
    </message>
    <message>
        <source>Save checkpoint</source>
        <translation>保存检查点</translation>
    </message>
    <message>
        <source>Export &amp;Metrics as CSV...</source>
        <translation>导出指标为 CSV(&amp;M)...</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>metrics file</source>
        <translation>指标文件</translation>
    </message>
    <message>
        <source>Cannot export metrics</source>
        <translation>无法导出指标</translation>
    </message>
    <message>
        <source>Export &amp;Plots...</source>
        <translation>导出绘图(&amp;P)...</translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation>导出绘图</translation>
    </message>
    <message>
        <source>PNG images (*.png);;PDF (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot export plots</source>
        <translation>无法导出绘图</translation>
    </message>
    <message>
        <source>Save Sample &amp;Grid...</source>
        <translation>保存样本网格(&amp;G)...</translation>
    </message>
    <message>
        <source>Save samples</source>
        <translation>保存样本</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Cannot save samples</source>
        <translation>无法保存样本</translation>
    </message>
    <message>
        <source>Stop the current run before resuming another.</source>
        <translation>请先停止当前运行，再从另一个检查点继续。</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>Train this experiment from scratch (F5)</source>
        <translation>从头训练这个实验（F5）</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>无法开始：%1</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Design changed: applies to the next run</source>
        <translation>设计已更改：将用于下一次运行</translation>
    </message>
    <message>
        <source>The running training uses the experiment as it was when it started. Stop and Start to train the edited one.</source>
        <translation>正在进行的训练使用开始时的实验。停止后再开始，才会训练修改后的实验。</translation>
    </message>
    <message>
        <source>Export sample timeline</source>
        <translation>导出样本时间线</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>Writing the animation...</source>
        <translation>正在写入动画...</translation>
    </message>
    <message>
        <source>Cannot export the timeline</source>
        <translation>无法导出时间线</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n grid(s) to %1</source>
        <translation>
            <numerusform>已将 %n 张网格写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Sample T&amp;imeline as GIF...</source>
        <translation>将样本时间线导出为 GIF(&amp;I)...</translation>
    </message>
    <message>
        <source>Every grid the samples&apos; timeline holds, as an animation of the training</source>
        <translation>样本时间线中的每张网格，组成训练过程的动画</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)/s</source>
        <translation>
            <numerusform>每秒 %n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Speed: %1</source>
        <translation>速度：%1</translation>
    </message>
    <message>
        <source>How fast the run trains: slow paces let a class follow each step in the plots and the 2D lab (remembered)</source>
        <translation>训练的快慢：较慢的速度让课堂能在曲线图和二维实验室中跟上每一步（会记住）</translation>
    </message>
    <message>
        <source>Spee&amp;d</source>
        <translation>速度(&amp;D)</translation>
    </message>
    <message>
        <source>Stop the current run (Shift+F5) to resume another from a checkpoint</source>
        <translation>先停止当前的运行（Shift+F5），才能从检查点继续另一个运行</translation>
    </message>
    <message>
        <source>Train on a folder of images</source>
        <translation>在图像文件夹上训练</translation>
    </message>
    <message>
        <source>&amp;Train on Folder...</source>
        <translation>在文件夹上训练(&amp;T)...</translation>
    </message>
    <message>
        <source>Train the open experiment on a folder of your images (flat, or one subfolder per class); its networks are fitted to their size and colour</source>
        <translation>在你自己的图像文件夹上训练当前实验（平铺，或每个类别一个子文件夹）；网络会适配图像的尺寸和颜色</translation>
    </message>
    <message>
        <source>Stop the current run before training on other data.</source>
        <translation>请先停止当前的训练，再在其他数据上训练。</translation>
    </message>
    <message>
        <source>Cannot train on this data</source>
        <translation>无法在这些数据上训练</translation>
    </message>
    <message>
        <source>The run&apos;s data is not available</source>
        <translation>这次训练的数据不可用</translation>
    </message>
    <message>
        <source>The run is open without its data: the samples and the latent explorer show its generator. To train on, continue on the data as it is now, with a new shuffle of it (the run&apos;s batches differ from here on).</source>
        <translation>训练已在没有数据的情况下打开：样本和潜空间探索器显示它的生成器。若要继续训练，请在现在的数据上继续，并重新打乱顺序（从这里起批次会与原来不同）。</translation>
    </message>
    <message>
        <source>The run is open without its data: the samples and the latent explorer show its generator, but it cannot train until the data is back where the experiment says.</source>
        <translation>训练已在没有数据的情况下打开：样本和潜空间探索器显示它的生成器，但在数据回到实验所指的位置之前无法训练。</translation>
    </message>
    <message>
        <source>Continue on the Data as It Is Now</source>
        <translation>在现在的数据上继续</translation>
    </message>
    <message>
        <source>Explore Only</source>
        <translation>仅探索</translation>
    </message>
    <message>
        <source>Follow a run folder</source>
        <translation>跟随一个运行文件夹</translation>
    </message>
    <message>
        <source>&amp;Follow Run...</source>
        <translation>跟随运行(&amp;F)...</translation>
    </message>
    <message>
        <source>Watch a run that gan-playground-cli trains (one process or several) in a run folder: its plots, samples and newest checkpoint, as they are written</source>
        <translation>观看 gan-playground-cli 在某个运行文件夹中训练的运行（一个或多个进程）：随着写入显示它的曲线、样本和最新检查点</translation>
    </message>
    <message>
        <source>Stop the current run before following another.</source>
        <translation>请先停止当前运行，再跟随另一个。</translation>
    </message>
    <message>
        <source>Cannot follow this run</source>
        <translation>无法跟随此运行</translation>
    </message>
    <message>
        <source>%1 holds no run yet (no experiment.json or checkpoint.pt): choose the folder given to gan-playground-cli train --out, once that run has started</source>
        <translation>%1 中还没有运行（没有 experiment.json 或 checkpoint.pt）：请在运行开始后选择传给 gan-playground-cli train --out 的文件夹</translation>
    </message>
    <message>
        <source>Stop following the run (Shift+F5); the process that trains it goes on</source>
        <translation>停止跟随该运行（Shift+F5）；训练它的进程会继续</translation>
    </message>
    <message>
        <source>The run is open without its data: its generator can be explored, not trained. Put the data back and resume from the checkpoint, or continue on the data as it is now (Training &gt; Resume from Checkpoint).</source>
        <translation>运行已在没有数据的情况下打开：可以探索它的生成器，但不能训练。请把数据放回原处后从检查点继续，或在当前数据上继续（训练 &gt; 从检查点继续）。</translation>
    </message>
    <message>
        <source>%1 holds a new run now: following it from its start</source>
        <translation>%1 现在是一个新的运行：从它的开头开始跟随</translation>
    </message>
    <message>
        <source>&amp;Compare With...</source>
        <translation>对比运行(&amp;C)...</translation>
    </message>
    <message>
        <source>Train this experiment and, beside it, a copy with one change (a loss, a regulariser, a learning rate): both at once, from the same seed</source>
        <translation>训练本实验，同时在旁边训练改动一处（损失、正则项、学习率）的副本：两者同时进行，种子相同</translation>
    </message>
</context>
<context>
    <name>RunDirectory</name>
    <message>
        <source>%1: cannot create the run folder; choose a writable location</source>
        <translation>%1：无法创建运行文件夹；请选择一个可写的位置</translation>
    </message>
    <message>
        <source>%1: cannot remove it to make room for the new run; check the folder&apos;s permissions</source>
        <translation>%1：无法删除它来为新运行腾出位置；请检查文件夹的权限</translation>
    </message>
    <message>
        <source>metrics file</source>
        <translation>指标文件</translation>
    </message>
    <message>
        <source>%1: cannot append (%2)</source>
        <translation>%1：无法追加（%2）</translation>
    </message>
    <message>
        <source>%1: not open</source>
        <translation>%1：未打开</translation>
    </message>
    <message>
        <source>%1: %2; the file may end in a cut row (resuming rewrites it from the checkpoint). Free some space or choose another folder.</source>
        <translation>%1：%2；文件末尾可能有一行不完整（继续训练时会根据检查点重写）。请释放一些空间，或选择另一个文件夹。</translation>
    </message>
    <message>
        <source>%1: is a file, not a folder; choose a folder for the run</source>
        <translation>%1：是文件而不是文件夹；请为运行选择一个文件夹</translation>
    </message>
    <message>
        <source>%1: is a symbolic link; a run keeps its sample grids in a folder of its own. Remove the link and try again</source>
        <translation>%1：是一个符号链接；运行把样本网格放在它自己的文件夹里。请删除这个链接后重试</translation>
    </message>
    <message>
        <source>%1: is a file where the run keeps its sample grids (a folder samples/); move it away or choose another folder</source>
        <translation>%1：这里本该是运行存放样本网格的文件夹（samples/），却是一个文件；请把它移走，或选择另一个文件夹</translation>
    </message>
    <message>
        <source>%1: another process is writing this run (%2, process %3 on %4); wait for it to end or stop it, then try again</source>
        <translation>%1：另一个进程正在写这个运行（%2，%4 上的进程 %3）；请等它结束或停止它，然后重试</translation>
    </message>
    <message>
        <source>%1: cannot lock the run folder (%2); choose a writable location</source>
        <translation>%1：无法锁定运行文件夹（%2）；请选择一个可写的位置</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>run information</source>
        <translation>运行信息</translation>
    </message>
</context>
<context>
    <name>RunDriver</name>
    <message>
        <source>%1: no checkpoint.pt here; is this a run folder written by &apos;train&apos;?</source>
        <translation>%1：这里没有 checkpoint.pt；这是由 &apos;train&apos; 写出的运行文件夹吗？</translation>
    </message>
</context>
<context>
    <name>RunFollower</name>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 不是普通文件</translation>
    </message>
    <message>
        <source>%1: cannot read it (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1 has no step column; it is not a run&apos;s metrics.csv</source>
        <translation>%1 没有 step 列；它不是运行的 metrics.csv</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>Add Run Folder...</source>
        <translation>添加运行文件夹...</translation>
    </message>
    <message>
        <source>A run folder of gan-playground-cli train, a sweep&apos;s folder (all its runs) or a folder of run folders</source>
        <translation>gan-playground-cli train 的运行文件夹、扫描的文件夹（其全部运行）或包含运行文件夹的文件夹</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Takes the selected runs off the list (their folders stay on disk); the current run stays</source>
        <translation>从列表中移除所选运行（其文件夹仍留在磁盘上）；当前运行保留</translation>
    </message>
    <message>
        <source>%1 (window run %2)</source>
        <translation>%1（窗口运行 %2）</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Add Run Folder</source>
        <translation>添加运行文件夹</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Last samples</source>
        <translation>最新样本</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <source>D(x)</source>
        <translation>D(x)</translation>
    </message>
    <message>
        <source>D(G(z))</source>
        <translation>D(G(z))</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Mean over the last third of the run&apos;s steps</source>
        <translation>运行最后三分之一步数上的平均值</translation>
    </message>
    <message>
        <source>%1, training</source>
        <translation>%1，训练中</translation>
    </message>
    <message>
        <source>The current run: its curves are the plots&apos; own (blue D, orange G)</source>
        <translation>当前运行：它的曲线就是图本身的曲线（蓝色 D，橙色 G）</translation>
    </message>
    <message>
        <source>A run of this window</source>
        <translation>本窗口的一个运行</translation>
    </message>
</context>
<context>
    <name>SampleFiles</name>
    <message>
        <source>%1: .csv output is for 2D runs; this run makes images (use .png or .idx)</source>
        <translation>%1：.csv 输出用于二维运行；这次运行生成的是图像（请用 .png 或 .idx）</translation>
    </message>
    <message>
        <source>samples file</source>
        <translation>样本文件</translation>
    </message>
    <message>
        <source>%1: .idx output is for image runs; this run makes 2D points (use .csv)</source>
        <translation>%1：.idx 输出用于图像运行；这次运行生成的是二维点（请用 .csv）</translation>
    </message>
    <message>
        <source>%1: cannot encode the PNG</source>
        <translation>%1：无法编码 PNG</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>%1: samples are written as .png, .idx, .csv or .npy</source>
        <translation>%1：样本可写为 .png、.idx、.csv 或 .npy</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <source>Samples from the same fixed noise throughout the run: watch them sharpen. Click one to explore around it.</source>
        <translation>整个运行中来自同一组固定噪声的样本：看它们逐渐变清晰。点击一个样本，在它周围探索。</translation>
    </message>
    <message>
        <source>real data</source>
        <translation>真实数据</translation>
    </message>
    <message>
        <source>generated</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Scrub back through earlier samples of this run; the right end follows the newest</source>
        <translation>回看本次运行较早的样本；拖到最右端则跟随最新的样本</translation>
    </message>
    <message>
        <source>no samples yet</source>
        <translation>还没有样本</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>there are no samples to save yet</source>
        <translation>还没有可保存的样本</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>there are no samples to export yet</source>
        <translation>还没有可导出的样本</translation>
    </message>
</context>
<context>
    <name>ScriptExport</name>
    <message>
        <source>Export as &amp;PyTorch Script...</source>
        <translation>导出为 &amp;PyTorch 脚本...</translation>
    </message>
    <message>
        <source>Write the experiment as a Python script (PyTorch and numpy) that trains the same GAN with the same random draws; during a run, with its weights beside it</source>
        <translation>把实验写成一个 Python 脚本（PyTorch 与 numpy），用相同的随机抽取训练同一个 GAN；训练进行中时，可把该运行的权重一并写在旁边</translation>
    </message>
    <message>
        <source>the export was cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>Exporting the PyTorch script: loading the data %1%</source>
        <translation>正在导出 PyTorch 脚本：加载数据 %1%</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Export as PyTorch Script</source>
        <translation>导出为 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>A run is going on. Export its weights beside the script, so that the script goes on from where the run is now (and samples as it does)?</source>
        <translation>当前有一个运行正在进行。要把它的权重导出到脚本旁边，让脚本从运行现在的位置继续（并给出与它相同的样本）吗？</translation>
    </message>
    <message>
        <source>Script and Weights</source>
        <translation>脚本和权重</translation>
    </message>
    <message>
        <source>Script Only</source>
        <translation>仅脚本</translation>
    </message>
    <message>
        <source>Exporting the PyTorch script: saving the run&apos;s weights...</source>
        <translation>正在导出 PyTorch 脚本：保存运行的权重...</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 (%n file(s)); run it with python3 %2 --steps 20</source>
        <translation>
            <numerusform>已导出 %1（%n 个文件）；用 python3 %2 --steps 20 运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot export the PyTorch script</source>
        <translation>无法导出 PyTorch 脚本</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>A short name, shown in the title bar and saved in the file</source>
        <translation>简短的名称，显示在标题栏中并保存在文件里</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>What this experiment shows, in a paragraph a student can read</source>
        <translation>这个实验展示了什么，用学生能读懂的一段话写出来</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>What the generator learns to imitate</source>
        <translation>生成器要学着模仿的东西</translation>
    </message>
    <message>
        <source>Fashion-MNIST (installed)</source>
        <translation>Fashion-MNIST（已安装）</translation>
    </message>
    <message>
        <source>IDX image file (MNIST, KMNIST, EMNIST...)</source>
        <translation>IDX 图像文件（MNIST、KMNIST、EMNIST……）</translation>
    </message>
    <message>
        <source>Image folder (PNG, JPEG, BMP)</source>
        <translation>图像文件夹（PNG、JPEG、BMP）</translation>
    </message>
    <message>
        <source>2D synthetic set</source>
        <translation>二维合成数据集</translation>
    </message>
    <message>
        <source>2D points from a CSV file</source>
        <translation>来自 CSV 文件的二维点</translation>
    </message>
    <message>
        <source>2D points drawn by hand (2D lab &gt; Draw)</source>
        <translation>手绘的二维点（二维实验室 &gt; 绘制）</translation>
    </message>
    <message>
        <source>data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The IDX images (gzip or plain) or the CSV of x,y points</source>
        <translation>IDX 图像（gzip 或未压缩），或 x,y 点的 CSV 文件</translation>
    </message>
    <message>
        <source>Data files (*.gz *.idx *ubyte *.csv);;All files (*)</source>
        <translation>数据文件 (*.gz *.idx *ubyte *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>labels file</source>
        <translation>标签文件</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Optional IDX labels matching the images</source>
        <translation>可选的、与图像对应的 IDX 标签</translation>
    </message>
    <message>
        <source>IDX files (*.gz *.idx *ubyte);;All files (*)</source>
        <translation>IDX 文件 (*.gz *.idx *ubyte);;所有文件 (*)</translation>
    </message>
    <message>
        <source>image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>A folder of PNG, JPEG or BMP images</source>
        <translation>一个存放 PNG、JPEG 或 BMP 图像的文件夹</translation>
    </message>
    <message>
        <source>image size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <source>grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>One channel instead of RGB</source>
        <translation>单通道，而不是 RGB</translation>
    </message>
    <message>
        <source>2D set</source>
        <translation>二维数据集</translation>
    </message>
    <message>
        <source>Ring of 8 Gaussians and grid of 25 are the standard mode-collapse tests</source>
        <translation>8 个高斯组成的环和 25 个高斯组成的网格是标准的模式崩溃测试</translation>
    </message>
    <message>
        <source>ring of 8 Gaussians</source>
        <translation>8 个高斯组成的环</translation>
    </message>
    <message>
        <source>grid of 25 Gaussians</source>
        <translation>25 个高斯组成的网格</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>two moons</source>
        <translation>双月牙</translation>
    </message>
    <message>
        <source>single Gaussian</source>
        <translation>单个高斯</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Latent space</source>
        <translation>潜在空间</translation>
    </message>
    <message>
        <source>latent size</source>
        <translation>潜在维度</translation>
    </message>
    <message>
        <source>prior</source>
        <translation>先验</translation>
    </message>
    <message>
        <source>Prior</source>
        <translation>先验分布</translation>
    </message>
    <message>
        <source>Distribution the latent vectors are drawn from</source>
        <translation>潜在向量从中抽取的分布</translation>
    </message>
    <message>
        <source>normal N(0, 1)</source>
        <translation>正态分布 N(0, 1)</translation>
    </message>
    <message>
        <source>uniform U(-1, 1)</source>
        <translation>均匀分布 U(-1, 1)</translation>
    </message>
    <message>
        <source>Loss and regularisers</source>
        <translation>损失和正则项</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>How D scores samples and what G tries to achieve</source>
        <translation>D 如何给样本打分，以及 G 想达到什么</translation>
    </message>
    <message>
        <source>gradient penalty</source>
        <translation>梯度惩罚</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>R1</source>
        <translation>R1</translation>
    </message>
    <message>
        <source>label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <source>instance noise</source>
        <translation>实例噪声</translation>
    </message>
    <message>
        <source>noise steps</source>
        <translation>噪声步数</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>D steps</source>
        <translation>D 步数</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>DCGAN init</source>
        <translation>DCGAN 初始化</translation>
    </message>
    <message>
        <source>DCGAN initialisation</source>
        <translation>DCGAN 初始化</translation>
    </message>
    <message>
        <source>Weights drawn from N(0, 0.02), BatchNorm scales from N(1, 0.02), as in the DCGAN paper</source>
        <translation>权重取自 N(0, 0.02)，BatchNorm 的缩放取自 N(1, 0.02)，与 DCGAN 论文一致</translation>
    </message>
    <message>
        <source>EMA</source>
        <translation>EMA</translation>
    </message>
    <message>
        <source>learning-rate decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>sample every</source>
        <translation>样本间隔</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Generator optimiser</source>
        <translation>生成器优化器</translation>
    </message>
    <message>
        <source>Discriminator optimiser</source>
        <translation>判别器优化器</translation>
    </message>
    <message>
        <source>G </source>
        <translation>G </translation>
    </message>
    <message>
        <source>D </source>
        <translation>D </translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Adam is the usual choice for GANs</source>
        <translation>Adam 是 GAN 的常用选择</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>beta1</source>
        <translation>beta1</translation>
    </message>
    <message>
        <source>beta2</source>
        <translation>beta2</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Loading a preview of the data...</source>
        <translation>正在加载数据预览...</translation>
    </message>
    <message numerus="yes">
        <source>%n real point(s) from %1</source>
        <translation>
            <numerusform>来自 %1 的 %n 个真实点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First %n real sample(s) of %1, %2×%3×%4</source>
        <translation>
            <numerusform>%1 的前 %n 个真实样本，%2×%3×%4</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (not available in this build)</source>
        <translation>%1（此版本不可用）</translation>
    </message>
    <message>
        <source>Where the networks train: the CPU, or a GPU when this build of LibTorch has CUDA (Automatic: the first GPU where there is one, else the CPU)</source>
        <translation>网络在哪里训练：CPU，或在此 LibTorch 构建支持 CUDA 时使用 GPU（自动：有 GPU 时用第一块 GPU，否则用 CPU）</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>fp32 (full)</source>
        <translation>fp32（全精度）</translation>
    </message>
    <message>
        <source>bf16 (mixed)</source>
        <translation>bf16（混合精度）</translation>
    </message>
    <message>
        <source>bf16 (mixed; not on this machine)</source>
        <translation>bf16（混合精度；本机不支持）</translation>
    </message>
    <message>
        <source>bf16: convolutions and linear layers compute in bfloat16 (autocast), on a CPU with AVX512-BF16 or AMX or on a GPU; the losses, weights and optimisers stay fp32. It pays for large layers; small networks can be slower than in fp32 (README)</source>
        <translation>bf16：卷积层和线性层以 bfloat16 计算（autocast），需要支持 AVX512-BF16 或 AMX 的 CPU，或 GPU；损失、权重和优化器仍为 fp32。大层才划算；小网络可能比 fp32 更慢（见 README）</translation>
    </message>
    <message>
        <source>Conditioning</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>conditioning</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Whether both networks are told the class of each sample (the data&apos;s labels), and how the discriminator takes it</source>
        <translation>是否把每个样本的类别（数据的标签）告诉两个网络，以及判别器如何接收它</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>concat (cGAN)</source>
        <translation>拼接（cGAN）</translation>
    </message>
    <message>
        <source>projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>auxiliary classifier (AC-GAN)</source>
        <translation>辅助分类器（AC-GAN）</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>label embedding</source>
        <translation>标签嵌入</translation>
    </message>
    <message>
        <source>class loss weight</source>
        <translation>类别损失权重</translation>
    </message>
</context>
<context>
    <name>ShapeInference</name>
    <message>
        <source>%1 has %2 parameters: training it needs about %3 of memory, more than the %4 this process can use; make it smaller</source>
        <translation>%1有 %2 个参数：训练它大约需要 %3 内存，超过本进程可用的 %4；请把它改小</translation>
    </message>
    <message>
        <source>%1 outputs %2 per sample: for a batch of %3 that needs about %4 of memory, more than the %5 this process can use; make it or the batch smaller</source>
        <translation>%1每个样本输出 %2：批大小为 %3 时大约需要 %4 内存，超过本进程可用的 %5；请把它或批大小改小</translation>
    </message>
    <message>
        <source>%1 needs at least 1 input and 1 output feature</source>
        <translation>%1至少需要 1 个输入特征和 1 个输出特征</translation>
    </message>
    <message>
        <source>%1 gets %2 features but expects %3 (its input is %4: add a Flatten before it?)</source>
        <translation>%1得到 %2 个特征，但需要 %3 个（它的输入是 %4：在它前面加一个 Flatten？）</translation>
    </message>
    <message>
        <source>%1 gets %2 features but expects %3</source>
        <translation>%1得到 %2 个特征，但需要 %3 个</translation>
    </message>
    <message>
        <source>%1 needs positive channels, kernel and stride, and a padding of 0 or more</source>
        <translation>%1需要正的通道数、卷积核和步幅，以及不小于 0 的填充</translation>
    </message>
    <message>
        <source>%1 has output padding %2, but it must be smaller than the stride (%3)</source>
        <translation>%1的输出填充为 %2，但它必须小于步幅（%3）</translation>
    </message>
    <message>
        <source>%1 needs an image input [channels, height, width] but gets %2 (add a Reshape before it)</source>
        <translation>%1需要图像输入 [通道, 高, 宽]，但得到的是 %2（在它前面加一个 Reshape）</translation>
    </message>
    <message>
        <source>%1 needs an image input [channels, height, width] but gets %2</source>
        <translation>%1需要图像输入 [通道, 高, 宽]，但得到的是 %2</translation>
    </message>
    <message>
        <source>%1 gets %2 channels but expects %3</source>
        <translation>%1得到 %2 个通道，但需要 %3 个</translation>
    </message>
    <message>
        <source>%1 gets a %2x%3 image, too small for kernel %4 with padding %5</source>
        <translation>%1得到 %2x%3 的图像，对卷积核 %4、填充 %5 来说太小</translation>
    </message>
    <message>
        <source>%1 needs a scale of at least 1</source>
        <translation>%1的倍数至少为 1</translation>
    </message>
    <message>
        <source>%1 needs at least 1 feature</source>
        <translation>%1至少需要 1 个特征</translation>
    </message>
    <message>
        <source>%1 needs an image input [channels, height, width] but gets %2 (use BatchNorm1d for vectors)</source>
        <translation>%1需要图像输入 [通道, 高, 宽]，但得到的是 %2（向量请用 BatchNorm1d）</translation>
    </message>
    <message>
        <source>%1 needs a vector input but gets %2 (use BatchNorm2d for images)</source>
        <translation>%1需要向量输入，但得到的是 %2（图像请用 BatchNorm2d）</translation>
    </message>
    <message>
        <source>%1 needs the shape it normalises</source>
        <translation>%1需要它要归一化的形状</translation>
    </message>
    <message>
        <source>%1 normalises the trailing shape %2 but gets %3</source>
        <translation>%1归一化末尾形状 %2，但得到的是 %3</translation>
    </message>
    <message>
        <source>%1 needs a drop probability from 0 to below 1</source>
        <translation>%1需要一个从 0 到小于 1 的丢弃概率</translation>
    </message>
    <message>
        <source>%1 needs a target shape</source>
        <translation>%1需要目标形状</translation>
    </message>
    <message>
        <source>%1 gets %2 values per sample %3 but its shape %4 holds %5</source>
        <translation>%1每个样本得到 %2 个数值 %3，但它的形状 %4 容纳 %5 个</translation>
    </message>
    <message>
        <source>generator layer %1 (%2)</source>
        <translation>生成器第 %1 层（%2）</translation>
    </message>
    <message>
        <source>discriminator layer %1 (%2)</source>
        <translation>判别器第 %1 层（%2）</translation>
    </message>
    <message>
        <source>the generator has no layers</source>
        <translation>生成器没有任何层</translation>
    </message>
    <message>
        <source>the discriminator has no layers</source>
        <translation>判别器没有任何层</translation>
    </message>
    <message>
        <source>training this experiment needs about %1 of memory (weights, optimiser state, the activations of a batch of %2 and the sample grid), more than the %3 this process can use; make the layers or the batch smaller</source>
        <translation>训练这个实验大约需要 %1 内存（权重、优化器状态、批大小为 %2 时的激活值和样本网格），超过本进程可用的 %3；请把层或批大小改小</translation>
    </message>
    <message>
        <source>the generator produces %1 per sample but the data samples are %2; its last layers must produce the data&apos;s shape</source>
        <translation>生成器每个样本产生 %1，但数据样本是 %2；它的最后几层必须产生数据的形状</translation>
    </message>
    <message>
        <source>the discriminator ends with %1 per sample but must end in one score per sample (add Linear(%2, 1))</source>
        <translation>判别器每个样本最后输出 %1，但必须以每个样本一个分数结尾（加一个 Linear(%2, 1)）</translation>
    </message>
    <message>
        <source>the discriminator ends with %1 per sample but must end in one score per sample (add Flatten and a Linear with 1 output)</source>
        <translation>判别器每个样本最后输出 %1，但必须以每个样本一个分数结尾（加一个 Flatten 和一个输出为 1 的 Linear）</translation>
    </message>
    <message>
        <source>the discriminator ends in Sigmoid, but the %1 loss needs raw, unbounded scores; remove the Sigmoid</source>
        <translation>判别器以 Sigmoid 结尾，但 %1 损失需要未经压缩的原始分数；请删除 Sigmoid</translation>
    </message>
    <message>
        <source>BatchNorm1d needs a batch of at least 2 samples; raise the batch size</source>
        <translation>BatchNorm1d 需要至少 2 个样本的批次；请增大批大小</translation>
    </message>
    <message>
        <source>the latent size must be at least 1</source>
        <translation>潜在维度至少为 1</translation>
    </message>
    <message>
        <source>batch size, D steps per G step, threads and steps must each be at least 1</source>
        <translation>批大小、每次 G 更新的 D 步数、线程数和步数都至少为 1</translation>
    </message>
    <message>
        <source>the generator does not end in Tanh, but images are scaled to [-1, 1]</source>
        <translation>生成器不以 Tanh 结尾，但图像被缩放到 [-1, 1]</translation>
    </message>
    <message>
        <source>WGAN-GP penalises per-sample gradients; BatchNorm in the discriminator mixes samples (LayerNorm is the usual choice)</source>
        <translation>WGAN-GP 惩罚每个样本的梯度；判别器中的 BatchNorm 会混合样本（通常改用 LayerNorm）</translation>
    </message>
    <message>
        <source>%1 needs an image input [channels, height, width] but gets %2 (use LayerNorm for vectors)</source>
        <translation>%1 需要图像输入 [通道, 高, 宽]，但得到的是 %2（向量请用 LayerNorm）</translation>
    </message>
    <message>
        <source>label embedding</source>
        <translation>标签嵌入</translation>
    </message>
    <message>
        <source>label channels</source>
        <translation>标签通道</translation>
    </message>
    <message>
        <source>%1 conditioning reads the features that the discriminator&apos;s last layer takes, so the discriminator must end in a Linear layer with 1 output (it ends in %2)</source>
        <translation>%1 条件读取判别器最后一层的输入特征，所以判别器必须以输出为 1 的 Linear 层结尾（现在以 %2 结尾）</translation>
    </message>
    <message>
        <source>projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>class head</source>
        <translation>类别输出头</translation>
    </message>
</context>
<context>
    <name>SlowMotionPanel</name>
    <message>
        <source>Finish Step</source>
        <translation>完成这一步</translation>
    </message>
    <message>
        <source>Run the rest of this step at once (as Step does)</source>
        <translation>一次运行完这一步的剩余部分（与“单步”相同）</translation>
    </message>
    <message>
        <source>Draw a batch</source>
        <translation>抽取一个批次</translation>
    </message>
    <message>
        <source>The generator makes fakes</source>
        <translation>生成器制造假样本</translation>
    </message>
    <message>
        <source>The discriminator scores both</source>
        <translation>判别器给两者打分</translation>
    </message>
    <message>
        <source>The discriminator&apos;s loss</source>
        <translation>判别器的损失</translation>
    </message>
    <message>
        <source>The discriminator learns</source>
        <translation>判别器学习</translation>
    </message>
    <message>
        <source>The generator&apos;s loss and gradients</source>
        <translation>生成器的损失和梯度</translation>
    </message>
    <message>
        <source>The generator learns</source>
        <translation>生成器学习</translation>
    </message>
    <message>
        <source>A batch of %1 real samples is drawn from the training data, and %1 noise vectors &lt;i&gt;z&lt;/i&gt; from the prior; the first is &lt;i&gt;z&lt;/i&gt; = (%2). Nothing has been computed yet.</source>
        <translation>从训练数据中抽取 %1 个真实样本组成一个批次，并从先验分布中抽取 %1 个噪声向量 &lt;i&gt;z&lt;/i&gt;；第一个是 &lt;i&gt;z&lt;/i&gt; = (%2)。此时还没有计算任何东西。</translation>
    </message>
    <message>
        <source>The generator maps each noise vector to a point: these %1 fakes &lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;) (ringed in dark orange) are what D will judge. G learns nothing in this substep.</source>
        <translation>生成器把每个噪声向量映射成一个点：这 %1 个假样本 &lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;)（用深橙色圈出）就是 D 要评判的对象。G 在这个子步骤中什么也不学。</translation>
    </message>
    <message>
        <source>The generator maps each noise vector to an image: these %1 fakes &lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;) are what D will judge. G learns nothing in this substep.</source>
        <translation>生成器把每个噪声向量映射成一张图像：这 %1 个假样本 &lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;) 就是 D 要评判的对象。G 在这个子步骤中什么也不学。</translation>
    </message>
    <message>
        <source>The critic scores both halves of the batch: on average %1 for the real samples and %2 for the fakes. Only the difference matters: higher means &quot;more real&quot;.</source>
        <translation>评判器给批次的两半打分：真实样本平均 %1，假样本平均 %2。只有差值有意义：越高表示“越真实”。</translation>
    </message>
    <message>
        <source>The discriminator scores both halves of the batch: on average it gives the real samples &lt;i&gt;D&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;) = %1 and the fakes &lt;i&gt;D&lt;/i&gt;(&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;)) = %2 (1 means sure it is real, 0 sure it is fake).</source>
        <translation>判别器给批次的两半打分：平均而言，它给真实样本 &lt;i&gt;D&lt;/i&gt;(&lt;i&gt;x&lt;/i&gt;) = %1，给假样本 &lt;i&gt;D&lt;/i&gt;(&lt;i&gt;G&lt;/i&gt;(&lt;i&gt;z&lt;/i&gt;)) = %2（1 表示确信是真实的，0 表示确信是假的）。</translation>
    </message>
    <message>
        <source>The discriminator&apos;s loss says how wrong those scores are: &lt;i&gt;L&lt;/i&gt;&lt;sub&gt;D&lt;/sub&gt; = %1. Backpropagation gives its gradient with respect to every weight of D, of norm %2.</source>
        <translation>判别器的损失衡量这些分数错得有多厉害：&lt;i&gt;L&lt;/i&gt;&lt;sub&gt;D&lt;/sub&gt; = %1。反向传播给出它对 D 的每个权重的梯度，范数为 %2。</translation>
    </message>
    <message>
        <source>The discriminator takes one optimiser step against that gradient: its weights move by %1 (%2 % of their size).</source>
        <translation>判别器沿梯度的反方向走一步优化：它的权重移动了 %1（为其大小的 %2 %）。</translation>
    </message>
    <message>
        <source>Then every weight is clipped to [−%1, %1].</source>
        <translation>然后每个权重被裁剪到 [−%1, %1]。</translation>
    </message>
    <message>
        <source>The heatmap in the 2D lab now shows the updated D.</source>
        <translation>二维实验室中的热图现在显示的是更新后的 D。</translation>
    </message>
    <message>
        <source>D gets %1 updates per generator update: a new batch comes next.</source>
        <translation>每次生成器更新对应 %1 次 D 更新：接下来是一个新批次。</translation>
    </message>
    <message>
        <source>Now the generator&apos;s turn. Its loss is computed through the updated discriminator, which gives the fakes %1 on average: &lt;i&gt;L&lt;/i&gt;&lt;sub&gt;G&lt;/sub&gt; = %2. Its gradient flows back through D into G&apos;s weights (norm %3).</source>
        <translation>现在轮到生成器。它的损失通过更新后的判别器计算，判别器给假样本的平均分是 %1：&lt;i&gt;L&lt;/i&gt;&lt;sub&gt;G&lt;/sub&gt; = %2。梯度穿过 D 流回 G 的权重（范数 %3）。</translation>
    </message>
    <message>
        <source>The arrows show where the loss pushes each fake.</source>
        <translation>箭头表示损失把每个假样本推向哪里。</translation>
    </message>
    <message>
        <source>With the minimax loss these pushes fade while D rejects the fakes confidently.</source>
        <translation>使用极小极大损失时，只要 D 自信地拒绝假样本，这些推动就会消失。</translation>
    </message>
    <message>
        <source>The generator takes one optimiser step: its weights move by %1 (%2 % of their size).</source>
        <translation>生成器走一步优化：它的权重移动了 %1（为其大小的 %2 %）。</translation>
    </message>
    <message>
        <source>The same noise now lands where the dashed lines end.</source>
        <translation>同样的噪声现在落在虚线的终点。</translation>
    </message>
    <message>
        <source>(G has BatchNorm or Dropout, so its new points show with the next samples.)</source>
        <translation>（G 含有 BatchNorm 或 Dropout，所以它的新位置会随下一批样本显示。）</translation>
    </message>
    <message>
        <source>Step %1 is complete.</source>
        <translation>第 %1 步完成。</translation>
    </message>
    <message>
        <source>Step %1 · substep %2 of %3: %4</source>
        <translation>第 %1 步 · 第 %2 个子步骤，共 %3 个：%4</translation>
    </message>
    <message>
        <source>D update %1 of %2</source>
        <translation>第 %1 次 D 更新，共 %2 次</translation>
    </message>
    <message>
        <source>The first %1 of the batch&apos;s %2 samples, with D&apos;s score under each once it has scored them.</source>
        <translation>批次 %2 个样本中的前 %1 个，D 打分后，每个样本下方显示它的分数。</translation>
    </message>
    <message>
        <source>In the 2D lab the batch is ringed: green the real samples, dark orange the fakes.</source>
        <translation>二维实验室中圈出了这个批次：绿色是真实样本，深橙色是假样本。</translation>
    </message>
    <message>
        <source>Step %1 was finished at once</source>
        <translation>第 %1 步已一次完成</translation>
    </message>
    <message>
        <source>Training in slow motion</source>
        <translation>慢动作训练</translation>
    </message>
    <message>
        <source>Each press of Next Substep runs one of the seven substeps of a real training step, and this panel shows what happened in it, with the numbers of this very step.</source>
        <translation>每按一次“下一个子步骤”，就运行真实训练步骤的七个子步骤之一，本面板会用这一步的真实数字说明其中发生了什么。</translation>
    </message>
    <message>
        <source>Start in Slow Motion</source>
        <translation>以慢动作开始</translation>
    </message>
    <message>
        <source>Starts the experiment paused and takes its first substep.</source>
        <translation>以暂停状态启动实验，并执行第一个子步骤。</translation>
    </message>
    <message>
        <source>Pause and Go Slow</source>
        <translation>暂停并放慢</translation>
    </message>
    <message>
        <source>Training runs at full speed. Pausing lets you take the next step substep by substep.</source>
        <translation>训练正在全速运行。暂停后可以一个子步骤一个子步骤地走下一步。</translation>
    </message>
    <message>
        <source>Next Substep ▶</source>
        <translation>下一个子步骤 ▶</translation>
    </message>
    <message>
        <source>Next Step in Slow Motion ▶</source>
        <translation>以慢动作走下一步 ▶</translation>
    </message>
    <message>
        <source>Resume or Step finish this step at once. Stop undoes the half-done step.</source>
        <translation>“继续”或“单步”会一次完成这一步。“停止”会撤销做了一半的步骤。</translation>
    </message>
    <message>
        <source>Paused between two steps.</source>
        <translation>已暂停在两步之间。</translation>
    </message>
    <message>
        <source>This run is conditional: each real sample comes with its class &lt;i&gt;y&lt;/i&gt; (the first is of class %1), and each &lt;i&gt;z&lt;/i&gt; with a class asked of the generator, drawn uniformly from the %2 classes (the first: %3). Both networks are told the class of every sample they see.</source>
        <translation>这是一个条件运行：每个真实样本带有其类别 &lt;i&gt;y&lt;/i&gt;（第一个属于类别 %1），每个 &lt;i&gt;z&lt;/i&gt; 带有向生成器请求的类别，从 %2 个类别中均匀抽取（第一个：%3）。两个网络都知道它们看到的每个样本的类别。</translation>
    </message>
</context>
<context>
    <name>ThreadGovernor</name>
    <message>
        <source>T&amp;hreads</source>
        <translation>线程(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;All Cores While the Window Is Calm</source>
        <translation>窗口空闲时用全部核心(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keep a Core for the Window</source>
        <translation>给窗口留一个核心(&amp;K)</translation>
    </message>
    <message>
        <source>Always one thread fewer than the machine has cores: slower, but every step uses the same count</source>
        <translation>始终比本机核心数少用一个线程：较慢，但每一步的线程数都相同</translation>
    </message>
    <message>
        <source>All &amp;Cores</source>
        <translation>全部核心(&amp;C)</translation>
    </message>
    <message>
        <source>Always the experiment&apos;s threads, up to every core: the fastest, but the window may stutter while it trains</source>
        <translation>始终使用实验设定的线程数，最多用满所有核心：最快，但训练时窗口可能卡顿</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (of %2: the window is busy)</source>
        <translation>%1（共 %2 个：窗口正忙）</translation>
    </message>
    <message>
        <source>%1 (a core kept for the window)</source>
        <translation>%1（给窗口留了一个核心）</translation>
    </message>
    <message numerus="yes">
        <source>Training threads now. Training &gt; Threads chooses how a run shares this machine&apos;s %n core(s) with the window.</source>
        <translation>
            <numerusform>当前的训练线程数。“训练 &gt; 线程”选择运行如何与窗口分享本机的 %n 个核心。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trains with the experiment&apos;s threads (at most the %n core(s) of this machine) and with one fewer for a moment whenever you work in the window, it falls behind or the image quality is measured, so that the window stays smooth and the measures do not hold up every step</source>
        <translation>
            <numerusform>使用实验设定的线程数训练（最多为本机的 %n 个核心）；每当你在窗口中操作、窗口跟不上或正在测量图像质量时，暂时少用一个线程，使窗口保持流畅，测量也不会拖慢每一步</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (of %2: image quality is being measured)</source>
        <translation>%1（共 %2：正在测量图像质量）</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <source>no training data is loaded</source>
        <translation>没有加载训练数据</translation>
    </message>
    <message>
        <source>cannot build the networks: %1; make the layers or the batch smaller</source>
        <translation>无法构建网络：%1；请把层或批大小改小</translation>
    </message>
    <message>
        <source>step %1: %2; nothing was changed</source>
        <translation>第 %1 步：%2；没有做任何改动</translation>
    </message>
    <message>
        <source>step %1: %2; the step was undone</source>
        <translation>第 %1 步：%2；这一步已撤销</translation>
    </message>
    <message>
        <source>step %1, %2: the discriminator loss is %3; the step was undone, so the networks are as after step %4. Lower the learning rate, or try another loss or a gradient penalty.</source>
        <translation>第 %1 步，%2：判别器的损失为 %3；这一步已撤销，网络恢复到第 %4 步之后的状态。请降低学习率，或换一种损失，或加梯度惩罚。</translation>
    </message>
    <message>
        <source>step %1, %2: the discriminator gradient norm is %3; the step was undone, so the networks are as after step %4. Lower the learning rate, or try another loss or a gradient penalty.</source>
        <translation>第 %1 步，%2：判别器的梯度范数为 %3；这一步已撤销，网络恢复到第 %4 步之后的状态。请降低学习率，或换一种损失，或加梯度惩罚。</translation>
    </message>
    <message>
        <source>step %1, %2: the generator loss is %3; the step was undone, so the networks are as after step %4. Lower the learning rate, or try another loss or a gradient penalty.</source>
        <translation>第 %1 步，%2：生成器的损失为 %3；这一步已撤销，网络恢复到第 %4 步之后的状态。请降低学习率，或换一种损失，或加梯度惩罚。</translation>
    </message>
    <message>
        <source>step %1, %2: the generator gradient norm is %3; the step was undone, so the networks are as after step %4. Lower the learning rate, or try another loss or a gradient penalty.</source>
        <translation>第 %1 步，%2：生成器的梯度范数为 %3；这一步已撤销，网络恢复到第 %4 步之后的状态。请降低学习率，或换一种损失，或加梯度惩罚。</translation>
    </message>
    <message>
        <source>discriminator update</source>
        <translation>判别器更新</translation>
    </message>
    <message>
        <source>discriminator update %1 of %2</source>
        <translation>第 %1 次判别器更新，共 %2 次</translation>
    </message>
    <message>
        <source>generator update</source>
        <translation>生成器更新</translation>
    </message>
    <message>
        <source>%1: not saved, because step %2 is half done in slow motion (D is updated, G not yet); finish the step, then save</source>
        <translation>%1：未保存，因为第 %2 步在慢动作中只完成了一半（D 已更新，G 还没有）；请先完成这一步再保存</translation>
    </message>
    <message>
        <source>the run&apos;s data is not loaded (it was opened to be sampled): it cannot train</source>
        <translation>这次训练的数据没有加载（它是为采样而打开的）：无法训练</translation>
    </message>
    <message>
        <source>%1: the run was trained on %2 samples, and its data (%3) now holds %4</source>
        <translation>%1：这次训练用的是 %2 个样本，而它的数据（%3）现在有 %4 个</translation>
    </message>
    <message>
        <source>the batch of %1 does not divide among %2 processes; choose a batch that is a multiple of %2</source>
        <translation>批大小 %1 不能在 %2 个进程之间均分；请选择 %2 的倍数作为批大小</translation>
    </message>
    <message>
        <source>device &quot;%1&quot; is not a device name; use auto, cpu, cuda or cuda:N</source>
        <translation>设备 &quot;%1&quot; 不是设备名；请使用 auto、cpu、cuda 或 cuda:N</translation>
    </message>
    <message>
        <source>device &quot;%1&quot; is not one this program trains on; use auto, cpu, cuda or cuda:N</source>
        <translation>本程序不能在设备 &quot;%1&quot; 上训练；请使用 auto、cpu、cuda 或 cuda:N</translation>
    </message>
    <message>
        <source>this build&apos;s LibTorch has no CUDA support; build against a CUDA LibTorch (README) or use --device cpu</source>
        <translation>此构建的 LibTorch 不支持 CUDA；请基于支持 CUDA 的 LibTorch 构建（见 README），或使用 --device cpu</translation>
    </message>
    <message>
        <source>this build&apos;s LibTorch has CUDA, but it sees no GPU here (driver or CUDA_VISIBLE_DEVICES?); use --device cpu</source>
        <translation>此构建的 LibTorch 支持 CUDA，但在这里看不到 GPU（驱动或 CUDA_VISIBLE_DEVICES？）；请使用 --device cpu</translation>
    </message>
    <message numerus="yes">
        <source>there is no GPU cuda:%1 here: this machine has %n GPU(s)</source>
        <translation>
            <numerusform>这里没有 GPU cuda:%1：本机有 %n 块 GPU</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message numerus="yes">
        <source>CPU (%n core(s))</source>
        <translation>
            <numerusform>CPU（%n 个核心）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU (%1, %n core(s))</source>
        <translation>
            <numerusform>CPU（%1，%n 个核心）</numerusform>
        </translation>
    </message>
    <message>
        <source>this CPU has no bfloat16 arithmetic (AVX512-BF16 or AMX), which bf16 needs; use precision fp32 (--precision fp32)</source>
        <translation>此 CPU 没有 bf16 所需的 bfloat16 运算（AVX512-BF16 或 AMX）；请使用 fp32 精度（--precision fp32）</translation>
    </message>
    <message>
        <source>device &quot;%1&quot;: the CPU has no index; use cpu</source>
        <translation>设备“%1”：CPU 没有编号；请用 cpu</translation>
    </message>
    <message>
        <source>%1: not written, because step %2 is half done in slow motion; finish the step, then export</source>
        <translation>%1：未写入，因为第 %2 步在慢动作中只完成了一半；请先完成这一步再导出</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>%1: cannot write the weights: %2</source>
        <translation>%1：无法写入权重：%2</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>training stopped at step %1: out of memory; make the batch, the layers or the images smaller</source>
        <translation>训练在第 %1 步停止：内存不足；请把批次、层或图像改小</translation>
    </message>
    <message>
        <source>training stopped: %1</source>
        <translation>训练已停止：%1</translation>
    </message>
    <message>
        <source>training stopped on an unknown error</source>
        <translation>训练因未知错误而停止</translation>
    </message>
    <message>
        <source>no training run is active; start or resume one before saving a checkpoint</source>
        <translation>没有正在进行的训练；请先开始或继续一次运行，再保存检查点</translation>
    </message>
    <message>
        <source>%1: not shown (%2); the next checkpoint written there is tried</source>
        <translation>%1：未显示（%2）；写入那里的下一个检查点会再试</translation>
    </message>
    <message>
        <source>following %1 stopped: %2</source>
        <translation>跟随 %1 已停止：%2</translation>
    </message>
    <message>
        <source>following %1 stopped on an unknown error</source>
        <translation>跟随 %1 因未知错误停止</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>mean D output</source>
        <translation>D 的平均输出</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>D loss</source>
        <translation>D 损失</translation>
    </message>
    <message>
        <source>D loss (smoothed)</source>
        <translation>D 损失（平滑）</translation>
    </message>
    <message>
        <source>G loss</source>
        <translation>G 损失</translation>
    </message>
    <message>
        <source>G loss (smoothed)</source>
        <translation>G 损失（平滑）</translation>
    </message>
    <message>
        <source>D(x), real</source>
        <translation>D(x)，真实</translation>
    </message>
    <message>
        <source>D(G(z)), generated</source>
        <translation>D(G(z))，生成</translation>
    </message>
    <message>
        <source>|grad D|</source>
        <translation>|grad D|</translation>
    </message>
    <message>
        <source>|grad G|</source>
        <translation>|grad G|</translation>
    </message>
    <message>
        <source>Wheel zooms, drag pans; double-click to fit and follow the newest steps again</source>
        <translation>滚轮缩放，拖动平移；双击适应全部并重新跟随最新的步骤</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>%1 (D solid, G dashed)</source>
        <translation>%1（D 实线，G 虚线）</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>GAN Playground User Guide</source>
        <translation>GAN Playground 用户指南</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
</context>
<context>
    <name>WalkExportDialog</name>
    <message>
        <source>There and back, so that it repeats without a jump</source>
        <translation>去而复返，循环播放时没有跳变</translation>
    </message>
    <message>
        <source>Export grid</source>
        <translation>导出网格</translation>
    </message>
    <message>
        <source>Export walk</source>
        <translation>导出漫游</translation>
    </message>
    <message>
        <source>A to B, straight line</source>
        <translation>A 到 B，直线</translation>
    </message>
    <message>
        <source>A to B, great circle</source>
        <translation>A 到 B，大圆</translation>
    </message>
    <message>
        <source>Along %1</source>
        <translation>沿 %1</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>帧数：</translation>
    </message>
    <message>
        <source>Samples (rows):</source>
        <translation>样本数（行）：</translation>
    </message>
    <message>
        <source>Range ±</source>
        <translation>范围 ±</translation>
    </message>
    <message>
        <source>Frame delay:</source>
        <translation>帧间隔：</translation>
    </message>
    <message>
        <source>Enlarge:</source>
        <translation>放大：</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>A built-in experiment.</source>
        <translation>一个内置实验。</translation>
    </message>
    <message>
        <source>Timed steps (default 50).</source>
        <translation>计时的步数（默认 50）。</translation>
    </message>
    <message>
        <source>Intra-op threads (default: the experiment&apos;s).</source>
        <translation>算子内线程数（默认：实验中的设置）。</translation>
    </message>
    <message>
        <source>Train plain MLPs through autograd, not the hand-written arithmetic (for comparison).</source>
        <translation>用 autograd 训练普通 MLP，而不是手写的运算（用于比较）。</translation>
    </message>
    <message numerus="yes">
        <source>experiment:        %1 (batch %2, %n thread(s))</source>
        <translation>
            <numerusform>实验：              %1（批大小 %2，%n 个线程）</numerusform>
        </translation>
    </message>
    <message>
        <source>steps timed:       %1 after %2 warm-up</source>
        <translation>计时步数：          %1（之前预热 %2 步）</translation>
    </message>
    <message>
        <source>arithmetic:        %1</source>
        <translation>运算方式：          %1</translation>
    </message>
    <message>
        <source>hand-written MLP</source>
        <translation>手写的 MLP</translation>
    </message>
    <message>
        <source>autograd</source>
        <translation>autograd</translation>
    </message>
    <message>
        <source>images/s:          %1</source>
        <translation>图像/秒：           %1</translation>
    </message>
    <message>
        <source>steps/s:           %1</source>
        <translation>步/秒：             %1</translation>
    </message>
    <message>
        <source>ms per step:       %1</source>
        <translation>每步毫秒：          %1</translation>
    </message>
    <message>
        <source>achieved GFLOP/s:  %1 (from the spec&apos;s FLOP count, forward + backward)</source>
        <translation>实测 GFLOP/s：      %1（根据规格的 FLOP 数，前向 + 反向）</translation>
    </message>
    <message>
        <source>sgemm GFLOP/s:     %1 (%2)</source>
        <translation>sgemm GFLOP/s：     %1（%2）</translation>
    </message>
    <message>
        <source>resident memory:   %1 MiB at step %2, %3 MiB at step %4 (%5%)</source>
        <translation>常驻内存：          第 %2 步 %1 MiB，第 %4 步 %3 MiB（%5%）</translation>
    </message>
    <message>
        <source>resident memory:   %1 MiB</source>
        <translation>常驻内存：          %1 MiB</translation>
    </message>
    <message>
        <source>give either --preset NAME or one experiment file</source>
        <translation>请给出 --preset NAME 或一个实验文件（二者选一）</translation>
    </message>
    <message>
        <source>--%1 needs a whole number of at least %2</source>
        <translation>--%1 需要一个不小于 %2 的整数</translation>
    </message>
    <message>
        <source>--%1 needs a whole number from %2 to %3</source>
        <translation>--%1 需要一个 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>loading data %1%</source>
        <translation>正在加载数据 %1%</translation>
    </message>
    <message>
        <source>evaluate needs one RUN_DIR</source>
        <translation>evaluate 需要一个 RUN_DIR</translation>
    </message>
    <message>
        <source>run:               %1 (step %2, %3)</source>
        <translation>运行：              %1（第 %2 步，%3）</translation>
    </message>
    <message>
        <source>samples:           %1</source>
        <translation>样本：              %1</translation>
    </message>
    <message>
        <source>modes captured:    %1 of %2</source>
        <translation>捕获的模式：        %1 / %2</translation>
    </message>
    <message>
        <source>high quality:      %1% (within 3 sigma = %2 of a mode)</source>
        <translation>高质量：            %1%（在模式的 3 sigma = %2 以内）</translation>
    </message>
    <message>
        <source>reverse KL:        %1</source>
        <translation>反向 KL：           %1</translation>
    </message>
    <message>
        <source>Jensen-Shannon:    %1 bits (noise floor %2; %3 points each on a 32x32 histogram over [%4, %5]^2)</source>
        <translation>Jensen-Shannon：    %1 比特（噪声底 %2；各 %3 个点，在 [%4, %5]^2 上的 32x32 直方图）</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>没有给出命令</translation>
    </message>
    <message>
        <source>the GAN Playground engine on the command line</source>
        <translation>命令行上的 GAN Playground 引擎</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>out of memory; make the batch, the layers, the images or the sample count smaller</source>
        <translation>内存不足；请把批次、层、图像或样本数改小</translation>
    </message>
    <message>
        <source>out of memory (an allocation of %1 was refused); make the batch, the layers, the images or the sample count smaller</source>
        <translation>内存不足（一次 %1 的分配被拒绝）；请把批次、层、图像或样本数改小</translation>
    </message>
    <message>
        <source>stopped on an unexpected error: %1</source>
        <translation>因意外错误而停止：%1</translation>
    </message>
    <message>
        <source>stopped on an unexpected error</source>
        <translation>因意外错误而停止</translation>
    </message>
    <message>
        <source>How many samples.</source>
        <translation>样本数量。</translation>
    </message>
    <message>
        <source>Noise seed (default 0).</source>
        <translation>噪声种子（默认 0）。</translation>
    </message>
    <message>
        <source>sample needs one RUN_DIR</source>
        <translation>sample 需要一个 RUN_DIR</translation>
    </message>
    <message>
        <source>sample needs --count N and --out FILE</source>
        <translation>sample 需要 --count N 和 --out FILE</translation>
    </message>
    <message>
        <source>--count is limited to %1</source>
        <translation>--count 最多为 %1</translation>
    </message>
    <message>
        <source>wrote %1 samples to %2</source>
        <translation>已把 %1 个样本写入 %2</translation>
    </message>
    <message>
        <source>step %1/%2  %3 steps/s  ETA %4  loss D %5 G %6</source>
        <translation>第 %1/%2 步  每秒 %3 步  剩余 %4  损失 D %5 G %6</translation>
    </message>
    <message>
        <source>The run folder to write.</source>
        <translation>要写入的运行文件夹。</translation>
    </message>
    <message>
        <source>Total steps of the run (default: the experiment&apos;s).</source>
        <translation>运行的总步数（默认：实验中的设置）。</translation>
    </message>
    <message>
        <source>Random seed (default: the experiment&apos;s).</source>
        <translation>随机种子（默认：实验中的设置）。</translation>
    </message>
    <message>
        <source>Save a checkpoint every K steps.</source>
        <translation>每 K 步保存一次检查点。</translation>
    </message>
    <message>
        <source>Continue the run saved in this folder.</source>
        <translation>继续保存在这个文件夹中的运行。</translation>
    </message>
    <message>
        <source>Replace a run already in the --out folder (its checkpoint, metrics and samples).</source>
        <translation>替换 --out 文件夹中已有的运行（它的检查点、指标和样本）。</translation>
    </message>
    <message>
        <source>train needs --out RUN_DIR</source>
        <translation>train 需要 --out RUN_DIR</translation>
    </message>
    <message>
        <source>--seed cannot change a resumed run&apos;s seed</source>
        <translation>--seed 不能改变继续运行的种子</translation>
    </message>
    <message>
        <source>the experiment is not valid:
%1</source>
        <translation>实验无效：
%1</translation>
    </message>
    <message>
        <source>%1: already holds a run (%2); continue it with --resume %1, choose another --out folder, or add --overwrite to replace it</source>
        <translation>%1：里面已有一次运行（%2）；可以用 --resume %1 继续它，选择另一个 --out 文件夹，或加上 --overwrite 替换它</translation>
    </message>
    <message>
        <source>the run is already at step %1 (asked for %2); nothing to do</source>
        <translation>运行已经在第 %1 步（要求 %2 步）；无需做任何事</translation>
    </message>
    <message>
        <source>The checkpoint in %1 is unchanged (step %2).</source>
        <translation>%1 中的检查点没有改动（第 %2 步）。</translation>
    </message>
    <message>
        <source>No checkpoint was saved in %1.</source>
        <translation>%1 中没有保存检查点。</translation>
    </message>
    <message>
        <source>interrupted at step %1; checkpoint saved to %2
continue with: gan-playground-cli train --resume %3 --steps %4</source>
        <translation>在第 %1 步被中断；检查点已保存到 %2
继续运行：gan-playground-cli train --resume %3 --steps %4</translation>
    </message>
    <message>
        <source>trained to step %1 (%2 of training); run in %3</source>
        <translation>已训练到第 %1 步（训练用时 %2）；运行保存在 %3</translation>
    </message>
    <message>
        <source>GENERATOR  input %1</source>
        <translation>生成器  输入 %1</translation>
    </message>
    <message>
        <source>DISCRIMINATOR  input %1</source>
        <translation>判别器  输入 %1</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>  &lt;- problem</source>
        <translation>  &lt;- 问题</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>experiment %1, data %2 %3, loss %4</source>
        <translation>实验 %1，数据 %2 %3，损失 %4</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>per training step (batch %1): %2 GFLOPs, about %3 of memory</source>
        <translation>每个训练步骤（批大小 %1）：%2 GFLOPs，约需 %3 内存</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n 个问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>warning: the classifier is not cached (%1); the next evaluate trains it again</source>
        <translation>警告：分类器没有缓存（%1）；下次 evaluate 会重新训练它</translation>
    </message>
    <message>
        <source>classifier:        %1 classes, accuracy %2 on %3 images of %4 (%5)</source>
        <translation>分类器：          %1 个类别，在 %4 的 %3 张图像上准确率 %2（%5）</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>来自缓存</translation>
    </message>
    <message>
        <source>trained in %1 s</source>
        <translation>训练用时 %1 秒</translation>
    </message>
    <message>
        <source>compared:          %1 generated against %1 real images of %2</source>
        <translation>比较：            %1 张生成图像对比 %2 的 %1 张真实图像</translation>
    </message>
    <message>
        <source>Fréchet distance:  %1</source>
        <translation>Fréchet 距离：    %1</translation>
    </message>
    <message>
        <source>KID:               %1 ± %2 (%3 subsets of %4)</source>
        <translation>KID：             %1 ± %2（%3 个子集，每个 %4 张）</translation>
    </message>
    <message>
        <source>precision, recall: %1, %2 (k = %3)</source>
        <translation>精确率、召回率：  %1，%2（k = %3）</translation>
    </message>
    <message>
        <source>density, coverage: %1, %2</source>
        <translation>密度、覆盖率：    %1，%2</translation>
    </message>
    <message>
        <source>classifier score:  %1 (real images: %2; at most %3)</source>
        <translation>分类器得分：      %1（真实图像：%2；最大 %3）</translation>
    </message>
    <message>
        <source>classes made:      %1</source>
        <translation>生成的类别：      %1</translation>
    </message>
    <message>
        <source>uniform noise:     %1</source>
        <translation>均匀噪声：        %1</translation>
    </message>
    <message>
        <source>real images:       %1</source>
        <translation>真实图像：        %1</translation>
    </message>
    <message>
        <source>measured in %1 s</source>
        <translation>测量用时 %1 秒</translation>
    </message>
    <message>
        <source>Image runs: how many generated and real images to compare (default 10000).</source>
        <translation>图像运行：要比较多少张生成图像和真实图像（默认 10000）。</translation>
    </message>
    <message>
        <source>Image runs: also measure other real images and uniform noise the same way, for the scale.</source>
        <translation>图像运行：用同样的方法也测量其他真实图像和均匀噪声，作为参照尺度。</translation>
    </message>
    <message>
        <source>FD %1, KID %2 ± %3, precision %4, recall %5, density %6, coverage %7</source>
        <translation>FD %1，KID %2 ± %3，精确率 %4，召回率 %5，密度 %6，覆盖率 %7</translation>
    </message>
    <message>
        <source>%1, classifier score %2</source>
        <translation>%1，分类器得分 %2</translation>
    </message>
    <message>
        <source>network:           random convolutional features (the data has no labels to train a classifier on; figures compare runs on this data, not with labelled data)</source>
        <translation>网络：            随机卷积特征（数据没有可用于训练分类器的标签；这些数字只能比较同一数据上的训练，不能与有标签数据比较）</translation>
    </message>
    <message>
        <source>How many samples each of those measurements compares (default 2000).</source>
        <translation>每次测量比较多少个样本（默认 2000）。</translation>
    </message>
    <message>
        <source>step %1: FD %2, KID %3, precision %4, recall %5</source>
        <translation>第 %1 步：FD %2，KID %3，精确率 %4，召回率 %5</translation>
    </message>
    <message>
        <source>image quality measured %1 times (%2 samples each) in %3, written to %4</source>
        <translation>图像质量测量了 %1 次（每次 %2 个样本），用时 %3，已写入 %4</translation>
    </message>
    <message>
        <source>Intra-op threads (default: the run&apos;s).</source>
        <translation>算子内线程数（默认：该训练自己的设置）。</translation>
    </message>
    <message>
        <source>step %1: cannot measure the image quality: %2</source>
        <translation>第 %1 步：无法测量图像质量：%2</translation>
    </message>
    <message>
        <source>--method must be sefa, pca, random or class</source>
        <translation>--method 必须是 sefa、pca、random 或 class</translation>
    </message>
    <message>
        <source>%1 holds directions of %2 latent values, but this run&apos;s latent size is %3</source>
        <translation>%1 中的方向有 %2 个潜在值，但此运行的潜在维度是 %3</translation>
    </message>
    <message>
        <source>finding %1 directions: %2%</source>
        <translation>正在查找 %1 方向：%2%</translation>
    </message>
    <message>
        <source>sefa (default), pca, random (the baseline) or class (labelled image data).</source>
        <translation>sefa（默认）、pca、random（基线）或 class（带标签的图像数据）。</translation>
    </message>
    <message>
        <source>How many directions (default 10; class: one per class).</source>
        <translation>方向数（默认 10；class：每类一个）。</translation>
    </message>
    <message>
        <source>pca: the generator layer id whose output is analysed (default: the first activation).</source>
        <translation>pca：要分析其输出的生成器层 id（默认：第一个激活层）。</translation>
    </message>
    <message>
        <source>pca: random latent vectors (default 100000); class: labelled samples (default 5000).</source>
        <translation>pca：随机潜在向量数（默认 100000）；class：打标签的样本数（默认 5000）。</translation>
    </message>
    <message>
        <source>The directions as FILE.json (for walk --directions).</source>
        <translation>把方向写入 FILE.json（供 walk --directions 使用）。</translation>
    </message>
    <message>
        <source>directions needs one RUN_DIR and --out FILE.json</source>
        <translation>directions 需要一个 RUN_DIR 和 --out FILE.json</translation>
    </message>
    <message>
        <source>%1 directions of the generator from step %2 (layer %3); effect: how much the samples change (RMS, pixels 0..1) for one spread along it</source>
        <translation>第 %2 步生成器的 %1 方向（层 %3）；effect：沿方向移动一个标准差时样本的变化（均方根，像素 0..1）</translation>
    </message>
    <message>
        <source>wrote %1 directions to %2</source>
        <translation>已将 %1 个方向写入 %2</translation>
    </message>
    <message>
        <source>Directions from FILE.json (written by directions) instead of finding them.</source>
        <translation>从 FILE.json（由 directions 写出）读取方向，而不是重新查找。</translation>
    </message>
    <message>
        <source>Sweep along direction K (1 = the first).</source>
        <translation>沿方向 K 扫过（1 = 第一个）。</translation>
    </message>
    <message>
        <source>Interpolate between samples A and B of the run&apos;s fixed sample grid instead.</source>
        <translation>改为在运行的固定样本网格中的样本 A 和 B 之间插值。</translation>
    </message>
    <message>
        <source>With --between: along the great circle (default: a straight line).</source>
        <translation>与 --between 一起用：沿大圆（默认：直线）。</translation>
    </message>
    <message>
        <source>The sweep starts from this sample of the run&apos;s fixed grid (default 1).</source>
        <translation>扫过从运行固定网格中的这个样本开始（默认 1）。</translation>
    </message>
    <message>
        <source>Sweep from -R to R spreads (default 5 for sefa, else 3).</source>
        <translation>从 -R 扫到 R 个标准差（sefa 默认 5，其他默认 3）。</translation>
    </message>
    <message>
        <source>Frames of the walk (default 60).</source>
        <translation>漫游的帧数（默认 60）。</translation>
    </message>
    <message>
        <source>There and back, so the animation repeats without a jump.</source>
        <translation>去而复返，动画循环时没有跳变。</translation>
    </message>
    <message>
        <source>Instead of an animation: a PNG of ROWS samples (rows) x --frames steps.</source>
        <translation>不做动画，而是输出 ROWS 个样本（行）× --frames 步的 PNG。</translation>
    </message>
    <message>
        <source>Enlarge each sample this many times (default: to about 112 pixels).</source>
        <translation>每个样本放大的倍数（默认：放大到约 112 像素）。</translation>
    </message>
    <message>
        <source>Milliseconds per frame (default 80).</source>
        <translation>每帧毫秒数（默认 80）。</translation>
    </message>
    <message>
        <source>FILE.gif, or FILE.png for numbered PNG frames (or the grid).</source>
        <translation>FILE.gif，或 FILE.png 表示带编号的 PNG 帧（或网格）。</translation>
    </message>
    <message>
        <source>walk needs one RUN_DIR, --out FILE and either --direction K or --between A,B</source>
        <translation>walk 需要一个 RUN_DIR、--out FILE，以及 --direction K 或 --between A,B 之一</translation>
    </message>
    <message>
        <source>--out must end in .gif or .png</source>
        <translation>--out 必须以 .gif 或 .png 结尾</translation>
    </message>
    <message>
        <source>--grid sweeps a --direction into one FILE.png</source>
        <translation>--grid 把一个 --direction 的扫过写成一个 FILE.png</translation>
    </message>
    <message>
        <source>--range needs a number above 0 and at most 20</source>
        <translation>--range 需要大于 0 且不超过 20 的数</translation>
    </message>
    <message>
        <source>--between needs two sample numbers, as in --between 1,7</source>
        <translation>--between 需要两个样本编号，例如 --between 1,7</translation>
    </message>
    <message>
        <source>walks are exported for image runs; this run makes 2D points</source>
        <translation>漫游只能为图像运行导出；此运行生成二维点</translation>
    </message>
    <message>
        <source>the run&apos;s fixed sample grid has %1 samples</source>
        <translation>运行的固定样本网格有 %1 个样本</translation>
    </message>
    <message>
        <source>--direction %1: there are %2 directions</source>
        <translation>--direction %1：只有 %2 个方向</translation>
    </message>
    <message>
        <source>rendering %1%</source>
        <translation>正在渲染 %1%</translation>
    </message>
    <message>
        <source>wrote a grid of %1 samples x %2 steps (-%3 to %3 spreads along %4) to %5</source>
        <translation>已将 %1 个样本 × %2 步的网格（沿%4，-%3 到 %3 个标准差）写入 %5</translation>
    </message>
    <message>
        <source>samples %1 to %2</source>
        <translation>样本 %1 到 %2</translation>
    </message>
    <message>
        <source>wrote %1 frames (%2) to %3</source>
        <translation>已将 %1 帧（%2）写入 %3</translation>
    </message>
    <message>
        <source>wrote %1 frames (%2) to %3 ... %4</source>
        <translation>已将 %1 帧（%2）写入 %3 ... %4</translation>
    </message>
    <message>
        <source>FILE.gif.</source>
        <translation>FILE.gif。</translation>
    </message>
    <message>
        <source>Milliseconds per frame (default 150).</source>
        <translation>每帧毫秒数（默认 150）。</translation>
    </message>
    <message>
        <source>Enlarge the grids this many times (default 1).</source>
        <translation>网格放大的倍数（默认 1）。</translation>
    </message>
    <message>
        <source>timeline needs one RUN_DIR and --out FILE.gif</source>
        <translation>timeline 需要一个 RUN_DIR 和 --out FILE.gif</translation>
    </message>
    <message>
        <source>%1 holds no sample grids (samples/step_*.png); train with sample_every set</source>
        <translation>%1 中没有样本网格（samples/step_*.png）；训练时请设置 sample_every</translation>
    </message>
    <message>
        <source>%1: cannot read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>reading the grids %1%</source>
        <translation>正在读取网格 %1%</translation>
    </message>
    <message>
        <source>wrote %1 grids (%2 to %3) to %4</source>
        <translation>已将 %1 张网格（%2 到 %3）写入 %4</translation>
    </message>
    <message>
        <source>%1 samples need about %2 of memory, more than the %3 this process can use; ask for at most %4</source>
        <translation>%1 个样本需要约 %2 内存，超过本进程可用的 %3；最多请求 %4 个</translation>
    </message>
    <message>
        <source>The networks as after step %1, the last good step, are saved in %2; sample, evaluate or explore them from there.</source>
        <translation>最后一个正常步骤（第 %1 步）之后的网络已保存到 %2；可以从那里采样、评估或探索。</translation>
    </message>
    <message>
        <source>interrupted (%1); nothing was written</source>
        <translation>已中断（%1）；没有写入任何文件</translation>
    </message>
    <message>
        <source>interrupted (%1); %2</source>
        <translation>已中断（%1）；%2</translation>
    </message>
    <message>
        <source>Replace the output file even if it is a run&apos;s own file or a file of another kind.</source>
        <translation>即使输出文件是某个运行自己的文件或其他类型的文件，也替换它。</translation>
    </message>
    <message>
        <source>%1: is a file of the run in %2; choose another file name, or add --force to replace it</source>
        <translation>%1：是 %2 中那个运行的文件；请换一个文件名，或加上 --force 替换它</translation>
    </message>
    <message>
        <source>%1: already holds %2, not %3; choose another file name, or add --force to replace it</source>
        <translation>%1：里面已经是%2，而不是%3；请换一个文件名，或加上 --force 替换它</translation>
    </message>
    <message>
        <source>over 100 days</source>
        <translation>超过 100 天</translation>
    </message>
    <message>
        <source>%1 d %2:%3</source>
        <translation>%1 天 %2:%3</translation>
    </message>
    <message>
        <source>--layer chooses the layer PCA analyses; it needs --method pca</source>
        <translation>--layer 选择 PCA 分析的层；它需要 --method pca</translation>
    </message>
    <message>
        <source>--samples is for --method pca or class</source>
        <translation>--samples 只用于 --method pca 或 class</translation>
    </message>
    <message>
        <source>--out must end in .json</source>
        <translation>--out 必须以 .json 结尾</translation>
    </message>
    <message>
        <source>a sample grid (PNG)</source>
        <translation>样本网格（PNG）</translation>
    </message>
    <message>
        <source>%1: is a symbolic link; the timeline reads only the run&apos;s own grids</source>
        <translation>%1：是一个符号链接；时间轴只读取运行自己的网格</translation>
    </message>
    <message>
        <source>--%1 is for image runs; a 2D run is measured on %2 samples, as the mode-coverage protocol asks</source>
        <translation>--%1 只用于图像运行；按照模式覆盖的测量规程，二维运行固定用 %2 个样本测量</translation>
    </message>
    <message>
        <source>the checkpoint of step %1 is saved</source>
        <translation>第 %1 步的检查点已保存</translation>
    </message>
    <message>
        <source>interrupted (%1); stopped</source>
        <translation>已中断（%1）；已停止</translation>
    </message>
    <message>
        <source>reverse KL:        undefined (no mode captured)</source>
        <translation>反向 KL：           无定义（未捕获任何模式）</translation>
    </message>
    <message>
        <source>list the built-in experiments</source>
        <translation>列出内置实验</translation>
    </message>
    <message>
        <source>per-layer shapes, parameters, FLOPs, or every problem</source>
        <translation>逐层的形状、参数量、FLOPs，或列出每个问题</translation>
    </message>
    <message>
        <source>train a GAN into a run folder (checkpoint, metrics.csv, sample grids)</source>
        <translation>训练一个 GAN，写入训练文件夹（检查点、metrics.csv、样本网格）</translation>
    </message>
    <message>
        <source>samples of a run&apos;s generator (its data is not needed)</source>
        <translation>从训练的生成器采样（不需要它的数据）</translation>
    </message>
    <message>
        <source>image runs: FD, KID, precision/recall, density/coverage, classifier score, classes made; 2D runs: mode coverage</source>
        <translation>图像训练：FD、KID、精确率/召回率、密度/覆盖率、分类器得分、生成的类别；二维训练：模式覆盖</translation>
    </message>
    <message>
        <source>meaningful latent directions, and how much each changes the samples</source>
        <translation>有意义的潜空间方向，以及每个方向对样本的改变程度</translation>
    </message>
    <message>
        <source>a latent walk as an animated GIF, PNG frames or a samples x steps grid</source>
        <translation>潜空间漫步，输出为 GIF 动画、PNG 帧或“样本 × 步数”网格</translation>
    </message>
    <message>
        <source>the run&apos;s saved sample grids as an animation</source>
        <translation>把训练保存的样本网格做成动画</translation>
    </message>
    <message>
        <source>usage: gan-playground-cli COMMAND [options]   (COMMAND --help for its options)</source>
        <translation>用法：gan-playground-cli 命令 [选项]   （命令 --help 查看其选项）</translation>
    </message>
    <message>
        <source>commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>The language follows the locale (LANG=zh_CN.UTF-8 for Chinese, LANG=C for English).</source>
        <translation>语言跟随区域设置（LANG=zh_CN.UTF-8 为中文，LANG=C 为英文）。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>usage: gan-playground-cli %1</source>
        <translation>用法：gan-playground-cli %1</translation>
    </message>
    <message>
        <source>Train on this data instead of the experiment&apos;s: a folder of images (flat, or one subfolder per class), an IDX images file (labels beside it, or IMAGES,LABELS) or a CSV of 2D points. The networks are fitted to it.</source>
        <translation>用这些数据代替实验的数据来训练：图像文件夹（平铺，或每个类别一个子文件夹）、IDX 图像文件（标签在旁边，或写成 图像,标签）或二维点的 CSV。网络会适配这些数据。</translation>
    </message>
    <message>
        <source>data: no experiment given; using the preset %1</source>
        <translation>数据：没有给出实验；使用预设 %1</translation>
    </message>
    <message>
        <source>data: %1</source>
        <translation>数据：%1</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>，约剩 %1</translation>
    </message>
    <message>
        <source>training the image measures&apos; classifier: done in %1</source>
        <translation>训练图像质量指标的分类器：用时 %1 完成</translation>
    </message>
    <message>
        <source>training the image measures&apos; classifier: epoch %1 of %2, %3%%4</source>
        <translation>训练图像质量指标的分类器：第 %1/%2 轮，%3%%4</translation>
    </message>
    <message>
        <source>                   (%1 asked for, but there are %2 real images to compare with)</source>
        <translation>                   （要求 %1 张，但只有 %2 张真实图像可供比较）</translation>
    </message>
    <message>
        <source>nearest training image of samples 0-%1: %2 (features); %3 (pixels, RMS difference; real images not trained on are %4 from theirs on average, a copy would be 0)</source>
        <translation>样本 0-%1 最近的训练图像：%2（特征）；%3（像素，均方根差；未参与训练的真实图像与其最近训练图像平均相差 %4，复制品为 0）</translation>
    </message>
    <message>
        <source>With --resume: go on although the run&apos;s data now holds another number of samples, with a new shuffle of it.</source>
        <translation>与 --resume 一起用：即使训练的数据现在样本数不同也继续，并重新打乱顺序。</translation>
    </message>
    <message>
        <source>--resume takes the experiment and its data from the run; give no --preset, file or --data</source>
        <translation>--resume 从训练中取实验和数据；不要给出 --preset、文件或 --data</translation>
    </message>
    <message>
        <source>--reshuffle is for --resume RUN_DIR</source>
        <translation>--reshuffle 用于 --resume 训练文件夹</translation>
    </message>
    <message>
        <source>%1: resume with --reshuffle to continue on the data as it is now (a new shuffle of it); sample, walk and directions work on the run as it is</source>
        <translation>%1：加上 --reshuffle 继续训练，即在现在的数据上继续（重新打乱顺序）；sample、walk 和 directions 可直接用于这次训练</translation>
    </message>
    <message>
        <source>warning: the batch of %1 is larger than the data&apos;s %2 samples, so every batch holds some of them more than once; set training.batch_size to at most %2</source>
        <translation>警告：批大小 %1 大于数据的 %2 个样本，因此每个批次中都有样本重复出现；请把 training.batch_size 设为不超过 %2</translation>
    </message>
    <message>
        <source>or set the data&apos;s grayscale to %1 and image_size to %2</source>
        <translation>或者把数据的 grayscale 设为 %1、image_size 设为 %2</translation>
    </message>
    <message>
        <source>or choose data of that shape</source>
        <translation>或者选择这种形状的数据</translation>
    </message>
    <message>
        <source>the data&apos;s samples are %1, the generator makes %2: give the data with --data PATH, which fits the networks to it, %3</source>
        <translation>数据的样本是 %1，生成器生成的是 %2：用 --data 路径 给出数据，网络会适配它，%3</translation>
    </message>
    <message>
        <source>cannot start rank %1: %2</source>
        <translation>无法启动第 %1 个进程：%2</translation>
    </message>
    <message>
        <source>Seconds a rank waits for the others before the run ends (default 60).</source>
        <translation>一个进程等待其他进程的秒数，超时则训练结束（默认 60）。</translation>
    </message>
    <message>
        <source>--nproc starts the ranks itself; under a launcher (WORLD_SIZE is set) give no --nproc</source>
        <translation>--nproc 会自己启动各个进程；在启动器下（已设置 WORLD_SIZE）不要给出 --nproc</translation>
    </message>
    <message>
        <source>rank %1 (process %2) was ended by signal %3 (%4)</source>
        <translation>rank %1（进程 %2）被信号 %3（%4）结束</translation>
    </message>
    <message>
        <source>rank %1: %2</source>
        <translation>rank %1：%2</translation>
    </message>
    <message>
        <source>collectives:       %1</source>
        <translation>集合通信：        %1</translation>
    </message>
    <message>
        <source>Run N processes on this machine (data-parallel over PyTorch&apos;s c10d on loopback; the batch is shared among them). A launcher that sets RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT (torchrun, srun) runs one process per rank instead.</source>
        <translation>在本机运行 N 个进程（基于 PyTorch 的 c10d 在回环地址上做数据并行；批次由它们分担）。若由设置 RANK、WORLD_SIZE、MASTER_ADDR 和 MASTER_PORT 的启动器（torchrun、srun）启动，则改为每个 rank 运行一个进程。</translation>
    </message>
    <message>
        <source>several processes (train --nproc N): %1 MB of gradients averaged across them per step</source>
        <translation>多进程（train --nproc N）：每步在进程间平均 %1 MB 梯度</translation>
    </message>
    <message>
        <source>note: with N processes each BatchNorm normalises its process&apos;s share of the batch (%1/N samples), as PyTorch&apos;s DistributedDataParallel does, so such a run differs a little from one process</source>
        <translation>注意：使用 N 个进程时，每个 BatchNorm 只对本进程分到的那部分批次（%1/N 个样本）做归一化，与 PyTorch 的 DistributedDataParallel 相同，因此这样的运行与单进程略有不同</translation>
    </message>
    <message numerus="yes">
        <source>processes:         %1 (each %2 of the batch, %n thread(s))</source>
        <translation>
            <numerusform>进程：            %1（每个承担批次中的 %2 个，%n 个线程）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 processes; this one waited %2% of its step time for gradients and figures to be averaged across them (for the slowest rank too), and %3 s more agreeing on each step&apos;s stop; %4 of %5 gradient buckets were sent while backward still ran</source>
        <translation>%1 个进程；本进程有 %2% 的步时在等待梯度和数值在各进程间求平均（包括等待最慢的 rank），另有 %3 秒用于商定每步是否停止；%5 个梯度桶中有 %4 个在反向传播仍在进行时就已发出</translation>
    </message>
    <message>
        <source>device:            %1, %2</source>
        <translation>设备：              %1，%2</translation>
    </message>
    <message>
        <source>Where the networks run: auto (a GPU where this build sees one, else the CPU), cpu, cuda or cuda:N (default: the experiment&apos;s).</source>
        <translation>网络在哪里运行：auto（此构建看得到 GPU 时用 GPU，否则用 CPU）、cpu、cuda 或 cuda:N（默认：实验中的设置）。</translation>
    </message>
    <message>
        <source>fp32, or bf16: convolutions and linear layers in bfloat16 (autocast; on CPUs with AVX512-BF16 or AMX, and on CUDA), the losses and the optimisers in fp32 (default: the experiment&apos;s).</source>
        <translation>fp32，或 bf16：卷积层和线性层以 bfloat16 计算（autocast；需要支持 AVX512-BF16 或 AMX 的 CPU，或 CUDA），损失和优化器仍为 fp32（默认：实验中的设置）。</translation>
    </message>
    <message>
        <source>--precision must be fp32 or bf16</source>
        <translation>--precision 必须是 fp32 或 bf16</translation>
    </message>
    <message numerus="yes">
        <source>roof GFLOP/s:      %1 in LibTorch&apos;s fastest kernel here (%2, %3, %n thread(s))</source>
        <translation>
            <numerusform>上限 GFLOP/s：      LibTorch 在本机最快的内核 %1（%2，%3，%n 个线程）</numerusform>
        </translation>
    </message>
    <message>
        <source>                   %1 at the CPU&apos;s %2 FMA peak (%3, measured)</source>
        <translation>                   CPU 的 %2 FMA 峰值 %1（%3，实测）</translation>
    </message>
    <message>
        <source>share of roof:     %1% of the fastest kernel, %2% of the FMA peak</source>
        <translation>占上限的比例：      最快内核的 %1%，FMA 峰值的 %2%</translation>
    </message>
    <message>
        <source>share of roof:     %1% of the fastest kernel</source>
        <translation>占上限的比例：      最快内核的 %1%</translation>
    </message>
    <message>
        <source>training speed, against the machine&apos;s measured arithmetic roof</source>
        <translation>训练速度，与本机实测的算力上限相比</translation>
    </message>
    <message>
        <source>Conditional runs: the class asked for, as a label or a class name, or all (--count samples of each, class by class, with the same noise).</source>
        <translation>条件运行：请求的类别，可以是标签、类别名或 all（每个类别 --count 个样本，逐类别生成，使用相同的噪声）。</translation>
    </message>
    <message>
        <source>Conditional runs: the class asked for, as a label or a class name.</source>
        <translation>条件运行：请求的类别，可以是标签或类别名。</translation>
    </message>
    <message>
        <source>--class: this run is not conditional (its experiment has conditioning none), so it has no classes to ask for</source>
        <translation>--class：此运行不是条件运行（其实验的条件为 none），没有可请求的类别</translation>
    </message>
    <message>
        <source>--class %1: this run&apos;s classes are %2</source>
        <translation>--class %1：此运行的类别为 %2</translation>
    </message>
    <message>
        <source>note: the run asks for %1 classes, but the classifier of its data knows %2; the agreement with the class asked is not measured</source>
        <translation>注意：该运行有 %1 个类别，但其数据的分类器识别 %2 个类别；不测量与请求类别的一致率</translation>
    </message>
    <message>
        <source>class asked:       the classifier names the class asked for %1% of %2 samples (%3 of each class)</source>
        <translation>请求的类别：      分类器在 %2 个样本中有 %1% 判为所请求的类别（每类 %3 个）</translation>
    </message>
    <message>
        <source>  class %1 %2 agreement %3%, FD %4 (against %5 real images of the class)</source>
        <translation>  类别 %1 %2 一致率 %3%，FD %4（对比该类别的 %5 张真实图像）</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>own mode:          %1% of %2 samples per class lie within 3 sigma of their class&apos;s mode</source>
        <translation>所属模式：        每类 %2 个样本中有 %1% 落在其类别模式的 3 sigma 以内</translation>
    </message>
    <message>
        <source>  by class:        %1</source>
        <translation>  按类别：        %1</translation>
    </message>
    <message>
        <source>wrote %1 samples of class %2 to %3</source>
        <translation>已把类别 %2 的 %1 个样本写入 %3</translation>
    </message>
    <message>
        <source>wrote %1 samples of each of %2 classes to %3</source>
        <translation>已把 %2 个类别各 %1 个样本写入 %3</translation>
    </message>
    <message>
        <source>their labels: %1</source>
        <translation>它们的标签：%1</translation>
    </message>
    <message>
        <source>every combination of some settings on several seeds, each an ordinary run folder, with a table of their measures (mean and spread over the seeds); resumable</source>
        <translation>若干设置的每种组合在多个种子上运行，每个都是普通的运行文件夹，并生成测量表（各种子的平均值和离散程度）；可续跑</translation>
    </message>
    <message>
        <source>Print the measures as JSON.</source>
        <translation>以 JSON 打印测量结果。</translation>
    </message>
    <message>
        <source>table written to %1, %2 and %3</source>
        <translation>表格已写入 %1、%2 和 %3</translation>
    </message>
    <message>
        <source>A field and its values, as the experiment file names it (loss.kind=minimax,non-saturating; optimizers.generator.lr=0.0002,0.001; generator.layers[g1].out=64,128). Repeat for more fields: every combination runs. Without --vary, the experiment alone runs on each seed.</source>
        <translation>一个字段及其取值，名称与实验文件一致（loss.kind=minimax,non-saturating；optimizers.generator.lr=0.0002,0.001；generator.layers[g1].out=64,128）。可重复给出多个字段：每种组合都会运行。不给 --vary 时，只在每个种子上运行该实验本身。</translation>
    </message>
    <message>
        <source>The seeds of each combination: 1-5, 1,3,9 (default: the experiment&apos;s).</source>
        <translation>每种组合的种子：1-5、1,3,9（默认：实验自身的种子）。</translation>
    </message>
    <message>
        <source>The sweep&apos;s folder.</source>
        <translation>扫描的文件夹。</translation>
    </message>
    <message>
        <source>How many runs train at a time (default 1).</source>
        <translation>同时训练的运行数（默认 1）。</translation>
    </message>
    <message>
        <source>Steps of every run (default: the experiment&apos;s).</source>
        <translation>每个运行的步数（默认：实验自身的步数）。</translation>
    </message>
    <message>
        <source>Threads in all, split between the runs that train at a time, each run at most the experiment&apos;s own count (default: the machine&apos;s cores).</source>
        <translation>线程总数，在同时训练的运行之间分配，每个运行最多使用实验自身的线程数（默认：机器的核心数）。</translation>
    </message>
    <message>
        <source>Image runs: samples each run is measured on (default 2000).</source>
        <translation>图像运行：每个运行测量所用的样本数（默认 2000）。</translation>
    </message>
    <message>
        <source>Only rebuild the table of the sweep in DIR from its run folders.</source>
        <translation>只根据运行文件夹重建 DIR 中扫描的表格。</translation>
    </message>
    <message>
        <source>--table DIR rebuilds a sweep&apos;s table; give it alone</source>
        <translation>--table DIR 用于重建扫描的表格；请单独使用它</translation>
    </message>
    <message>
        <source>sweep needs --out DIR</source>
        <translation>sweep 需要 --out DIR</translation>
    </message>
    <message>
        <source>the sweep cannot run; nothing was started:
%1</source>
        <translation>扫描无法运行；没有启动任何运行：
%1</translation>
    </message>
    <message>
        <source>%1 holds another sweep (its sweep.json differs from this command&apos;s: another experiment, field, value, seed or step count); choose another --out folder</source>
        <translation>%1 中保存着另一个扫描（其 sweep.json 与本命令不同：实验、字段、取值、种子或步数不同）；请选择另一个 --out 文件夹</translation>
    </message>
    <message>
        <source>%1 is not empty and holds no sweep; choose another --out folder</source>
        <translation>%1 不是空的，也不包含扫描；请选择另一个 --out 文件夹</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>sweep plan</source>
        <translation>扫描计划</translation>
    </message>
    <message>
        <source>%1 of %2 runs are finished already and are skipped</source>
        <translation>%2 个运行中已有 %1 个完成，将跳过</translation>
    </message>
    <message>
        <source>%1 runs to make, %2 at a time with %3 thread(s) each, in %4</source>
        <translation>要进行 %1 个运行，每次 %2 个，每个 %3 个线程，位于 %4</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>%1 seed %2</source>
        <translation>%1 种子 %2</translation>
    </message>
    <message>
        <source>evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>%1: %2 (%3 steps in %4)</source>
        <translation>%1：%2（%3 步，用时 %4）</translation>
    </message>
    <message>
        <source>%1: evaluate printed no measures; see %2</source>
        <translation>%1：evaluate 没有输出测量结果；请查看 %2</translation>
    </message>
    <message>
        <source>%1: %2 failed (exit %3); its output is in %4:
%5</source>
        <translation>%1：%2 失败（退出码 %3）；其输出在 %4 中：
%5</translation>
    </message>
    <message>
        <source>%1 of %2 runs are finished; the same command goes on with the others (a stopped run resumes from its checkpoint)</source>
        <translation>%2 个运行中已完成 %1 个；再次执行同一命令会继续其余运行（中途停止的运行从其检查点继续）</translation>
    </message>
    <message>
        <source>sweep finished in %1 (wall time; %2 runs made now, %3 skipped); the steps of all %4 runs took %5 together</source>
        <translation>扫描用时 %1 完成（墙上时间；本次进行 %2 个运行，跳过 %3 个）；全部 %4 个运行的训练步共用时 %5</translation>
    </message>
    <message>
        <source>%1 of %2 runs failed; the table shows the others. Run the same command again to retry them.</source>
        <translation>%2 个运行中有 %1 个失败；表格显示其余运行。再次执行同一命令即可重试。</translation>
    </message>
    <message>
        <source>Measure the generator every K steps and at the end: image runs, its image quality (FD, KID, precision, recall, density, coverage, classifier score) into metrics.csv; 2D runs, its modes and JS into measures.csv.</source>
        <translation>每 K 步及结束时测量生成器：图像运行测量图像质量（FD、KID、精确率、召回率、密度、覆盖率、分类器得分），写入 metrics.csv；二维运行测量模式数和 JS，写入 measures.csv。</translation>
    </message>
    <message>
        <source>--eval-count is for image runs; a 2D run is measured on %1 samples, as the mode-coverage protocol asks</source>
        <translation>--eval-count 用于图像运行；二维运行按模式覆盖协议的要求在 %1 个样本上测量</translation>
    </message>
    <message>
        <source>measures</source>
        <translation>测量结果</translation>
    </message>
    <message>
        <source>modes and JS measured %1 times (%2 samples each) in %3, written to %4</source>
        <translation>模式数和 JS 共测量 %1 次（每次 %2 个样本），用时 %3，已写入 %4</translation>
    </message>
    <message>
        <source>a PyTorch script that trains the same GAN with the same random draws (a run&apos;s weights beside it)</source>
        <translation>一个用相同随机抽取训练同一个 GAN 的 PyTorch 脚本（运行的权重放在旁边）</translation>
    </message>
    <message>
        <source>The script to write (FILE.py); its data and weights go beside it.</source>
        <translation>要写入的脚本（FILE.py）；它的数据和权重放在旁边。</translation>
    </message>
    <message>
        <source>export needs --python FILE.py</source>
        <translation>export 需要 --python FILE.py</translation>
    </message>
    <message>
        <source>--python must end in .py</source>
        <translation>--python 必须以 .py 结尾</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>run it with: python3 %1 --steps 20   (PyTorch and numpy; --help lists its options)</source>
        <translation>运行方式：python3 %1 --steps 20   （需 PyTorch 与 numpy；--help 列出它的选项）</translation>
    </message>
    <message>
        <source>FILE.idx, FILE.png, FILE.csv (2D) or FILE.npy (the raw outputs as floats).</source>
        <translation>FILE.idx、FILE.png、FILE.csv（2D）或 FILE.npy（原始输出，浮点数）。</translation>
    </message>
    <message>
        <source>--out must end in .idx, .png, .csv or .npy</source>
        <translation>--out 必须以 .idx、.png、.csv 或 .npy 结尾</translation>
    </message>
</context>
<context>
    <name>comparedruns</name>
    <message>
        <source>%1: cannot read its metrics.csv</source>
        <translation>%1：无法读取其 metrics.csv</translation>
    </message>
    <message>
        <source>%1: not a folder</source>
        <translation>%1：不是文件夹</translation>
    </message>
    <message>
        <source>%1 holds no run: a run folder has experiment.json and metrics.csv (gan-playground-cli train or sweep writes them)</source>
        <translation>%1 中没有运行：运行文件夹包含 experiment.json 和 metrics.csv（由 gan-playground-cli train 或 sweep 写入）</translation>
    </message>
</context>
<context>
    <name>fieldpath</name>
    <message>
        <source>%1: the experiment has no field &quot;%2&quot; (known there: %3)</source>
        <translation>%1：实验中没有字段“%2”（此处已知字段：%3）</translation>
    </message>
    <message>
        <source>%1: expected a number, not &quot;%2&quot;</source>
        <translation>%1：应为数字，而不是“%2”</translation>
    </message>
    <message>
        <source>%1: expected true or false, not &quot;%2&quot;</source>
        <translation>%1：应为 true 或 false，而不是“%2”</translation>
    </message>
    <message>
        <source>%1: a list or a group of fields, not one value; name a field inside it</source>
        <translation>%1：这是列表或字段组，不是单个值；请指定其中的一个字段</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a list</source>
        <translation>%1：“%2”不是列表</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; has no entry &quot;%3&quot; (give a position from 0 to %4 or a layer&apos;s id)</source>
        <translation>%1：“%2”中没有条目“%3”（请给出 0 到 %4 的位置或层的 id）</translation>
    </message>
    <message>
        <source>%1: a list entry, not one value; name a field inside it</source>
        <translation>%1：这是列表条目，不是单个值；请指定其中的一个字段</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; holds one value; it has no fields</source>
        <translation>%1：“%2”是单个值，没有字段</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a field&apos;s name: give it as the experiment file names it, such as loss.kind, optimizers.generator.lr or generator.layers[g1].out</source>
        <translation>“%1”不是字段名：请按实验文件中的名称给出，例如 loss.kind、optimizers.generator.lr 或 generator.layers[g1].out</translation>
    </message>
    <message>
        <source>%1: the file&apos;s format is not a setting</source>
        <translation>%1：文件格式不是设置项</translation>
    </message>
    <message>
        <source>%1=%2: %3</source>
        <translation>%1=%2：%3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Out of memory. Make the batch, the layers or the images smaller.</source>
        <translation>内存不足。请把批次、层或图像改小。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>Unexpected error.</source>
        <translation>意外错误。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Open a built-in experiment.</source>
        <translation>打开一个内置实验。</translation>
    </message>
    <message>
        <source>Train for SECONDS with the live dashboard and latent sliders moving, print images/s, the event loop&apos;s lateness and the slider-to-image latency as JSON, and quit.</source>
        <translation>在实时仪表板和潜在空间滑块都在动的情况下训练 SECONDS 秒，以 JSON 输出每秒图像数、事件循环的延迟和从滑块到图像的延迟，然后退出。</translation>
    </message>
    <message>
        <source>With --benchmark-ui: &quot;off&quot; closes the 2D lab, to measure what drawing it costs.</source>
        <translation>与 --benchmark-ui 一起使用：&quot;off&quot; 关闭二维实验室，用来测量绘制它的开销。</translation>
    </message>
    <message>
        <source>Start in presentation mode (F11).</source>
        <translation>以演示模式启动（F11）。</translation>
    </message>
    <message>
        <source>An experiment file to open.</source>
        <translation>要打开的实验文件。</translation>
    </message>
    <message>
        <source>With --benchmark-ui: &quot;ab&quot; alternates image measures off and on in four phases and prints what they cost the training.</source>
        <translation>与 --benchmark-ui 一起使用：“ab” 分四个阶段交替关闭和开启图像度量，并打印它们让训练慢了多少。</translation>
    </message>
    <message>
        <source>With --benchmark-ui: save the window as a PNG at the end; with --directions: once they are found.</source>
        <translation>与 --benchmark-ui 一起用：结束时把窗口存为 PNG；与 --directions 一起用：找到方向后保存。</translation>
    </message>
    <message>
        <source>Continue the run saved in CHECKPOINT (a run folder&apos;s checkpoint.pt), for example one trained by gan-playground-cli.</source>
        <translation>继续保存在 CHECKPOINT（运行文件夹中的 checkpoint.pt）中的运行，例如用 gan-playground-cli 训练的运行。</translation>
    </message>
    <message>
        <source>The latent explorer&apos;s sliders move along these directions once the run&apos;s generator arrives.</source>
        <translation>运行的生成器到达后，潜在空间浏览器的滑块沿这些方向移动。</translation>
    </message>
    <message>
        <source>With --directions: the interpolation strip sweeps direction K from one end of the sliders&apos; range to the other.</source>
        <translation>与 --directions 一起用：插值条沿方向 K 从滑块范围的一端扫到另一端。</translation>
    </message>
    <message>
        <source>--directions must be sefa, pca, random or class</source>
        <translation>--directions 必须是 sefa、pca、random 或 class</translation>
    </message>
    <message>
        <source>--benchmark-ui needs a number of seconds above 0 and at most %1</source>
        <translation>--benchmark-ui 需要大于 0 且不超过 %1 的秒数</translation>
    </message>
    <message>
        <source>With --benchmark-ui: &quot;off&quot; leaves the latent sliders still, as when a class watches the run.</source>
        <translation>与 --benchmark-ui 一起使用：“off” 让潜在空间滑块保持不动，就像全班在观看运行时一样。</translation>
    </message>
    <message>
        <source>With --benchmark-ui: how the run shares the machine with the window for this measurement (Training &gt; Threads).</source>
        <translation>与 --benchmark-ui 一起使用：这次测量中运行如何与窗口分享机器（训练 &gt; 线程）。</translation>
    </message>
    <message>
        <source>--threads must be adaptive, keep-core or all-cores</source>
        <translation>--threads 必须是 adaptive、keep-core 或 all-cores</translation>
    </message>
    <message>
        <source>Start the run in slow motion and take N substeps (with --screenshot: save the window after the last and quit).</source>
        <translation>以慢动作开始运行并执行 N 个子步骤（与 --screenshot 一起用：最后一步后保存窗口并退出）。</translation>
    </message>
    <message>
        <source>--substeps needs a number from 1 to 1000</source>
        <translation>--substeps 需要 1 到 1000 之间的数</translation>
    </message>
    <message>
        <source>Train the experiment on the data at PATH (a folder of images, an IDX file or a CSV of points), its networks fitted to it, as File &gt; Train on Folder... does.</source>
        <translation>在 PATH 处的数据上训练实验（图像文件夹、IDX 文件或点的 CSV），网络会适配这些数据，与“文件 &gt; 在文件夹上训练...”相同。</translation>
    </message>
    <message>
        <source>Show the run that gan-playground-cli writes in RUN_DIR as it grows, as File &gt; Follow Run... does.</source>
        <translation>随着写入显示 gan-playground-cli 在 RUN_DIR 中写的运行，与 文件 &gt; 跟随运行... 相同。</translation>
    </message>
    <message>
        <source>Add the runs in DIR (a run folder, a sweep&apos;s folder or a folder of run folders) to the Runs panel, their curves over the plots; may be given more than once.</source>
        <translation>把 DIR 中的运行（运行文件夹、扫描的文件夹或包含运行文件夹的文件夹）加入“运行”面板，并把它们的曲线叠加在图上；可多次给出。</translation>
    </message>
    <message>
        <source>Train the experiment and, beside it, a copy with KEY set to VALUE (as the experiment file names it, such as loss.kind=non-saturating), as Training &gt; Compare With... does.</source>
        <translation>训练该实验，并在旁边训练把 KEY 设为 VALUE 的副本（名称与实验文件一致，例如 loss.kind=non-saturating），与“训练 &gt; 对比运行...”相同。</translation>
    </message>
    <message>
        <source>--compare-with needs KEY=VALUE, such as loss.kind=non-saturating</source>
        <translation>--compare-with 需要 KEY=VALUE，例如 loss.kind=non-saturating</translation>
    </message>
</context>
<context>
    <name>sweep</name>
    <message>
        <source>--vary &quot;%1&quot;: expected KEY=V1,V2,... (such as loss.kind=minimax,non-saturating)</source>
        <translation>--vary “%1”：应为 KEY=V1,V2,...（例如 loss.kind=minimax,non-saturating）</translation>
    </message>
    <message>
        <source>--vary &quot;%1&quot;: an empty value; separate the values with single commas</source>
        <translation>--vary “%1”：有空值；请用单个逗号分隔取值</translation>
    </message>
    <message>
        <source>--vary &quot;%1&quot;: the value &quot;%2&quot; is given twice</source>
        <translation>--vary “%1”：取值“%2”给出了两次</translation>
    </message>
    <message>
        <source>--vary %1: give the seeds with --seeds, the steps with --steps and the threads with --threads</source>
        <translation>--vary %1：种子请用 --seeds，步数请用 --steps，线程请用 --threads 给出</translation>
    </message>
    <message>
        <source>--seeds &quot;%1&quot;: expected seeds such as 1-5 or 1,3,9 (whole numbers from 0 to %2)</source>
        <translation>--seeds “%1”：应为 1-5 或 1,3,9 这样的种子（0 到 %2 的整数）</translation>
    </message>
    <message>
        <source>--seeds &quot;%1&quot;: at most %2 seeds</source>
        <translation>--seeds “%1”：最多 %2 个种子</translation>
    </message>
    <message>
        <source>--seeds &quot;%1&quot;: seed %2 is given twice</source>
        <translation>--seeds “%1”：种子 %2 给出了两次</translation>
    </message>
    <message>
        <source>the sweep would make %1 runs; at most %2</source>
        <translation>扫描将产生 %1 个运行；最多 %2 个</translation>
    </message>
    <message>
        <source>--vary %1 is given twice; give all its values in one --vary</source>
        <translation>--vary %1 给出了两次；请在一个 --vary 中给出它的全部取值</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the values %1 and %2 give the same folder name; give them as written differently</source>
        <translation>取值 %1 和 %2 得到相同的文件夹名；请换一种写法</translation>
    </message>
    <message>
        <source>%1: cannot be read; is %2 a sweep&apos;s folder (sweep --out)?</source>
        <translation>%1：无法读取；%2 是扫描的文件夹（sweep --out）吗？</translation>
    </message>
    <message>
        <source>%1: not a sweep&apos;s plan (its format is not %2)</source>
        <translation>%1：不是扫描计划（其格式不是 %2）</translation>
    </message>
    <message>
        <source>%1: &quot;vary&quot; holds an entry without a key or values</source>
        <translation>%1：“vary”中有缺少字段名或取值的条目</translation>
    </message>
    <message>
        <source>%1: &quot;seeds&quot; holds %2, not a seed</source>
        <translation>%1：“seeds”中的 %2 不是种子</translation>
    </message>
    <message>
        <source>%1: its experiment: %2</source>
        <translation>%1：其实验：%2</translation>
    </message>
    <message>
        <source>%1: no seeds</source>
        <translation>%1：没有种子</translation>
    </message>
    <message>
        <source>%1: not JSON (%2)</source>
        <translation>%1：不是 JSON（%2）</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>模式数</translation>
    </message>
    <message>
        <source>High quality %</source>
        <translation>高质量 %</translation>
    </message>
    <message>
        <source>JS (bits)</source>
        <translation>JS（比特）</translation>
    </message>
    <message>
        <source>Own mode %</source>
        <translation>落在本类模式 %</translation>
    </message>
    <message>
        <source>FD</source>
        <translation>FD</translation>
    </message>
    <message>
        <source>KID</source>
        <translation>KID</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Class agreement %</source>
        <translation>类别一致率 %</translation>
    </message>
    <message>
        <source>|grad G|, first third</source>
        <translation>|grad G|，前三分之一</translation>
    </message>
    <message>
        <source>D(G(z)), last third</source>
        <translation>D(G(z))，后三分之一</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source># Sweep of %1

%2 steps a run; seeds %3 (each cell: mean ± standard deviation over the seeds, then each seed&apos;s value in order; &quot;-&quot;: not finished)

</source>
        <translation># %1 的扫描

每个运行 %2 步；种子 %3（每格：各种子上的平均值 ± 标准差，然后按顺序列出每个种子的值；“-”：未完成）

</translation>
    </message>
    <message>
        <source>results table</source>
        <translation>结果表</translation>
    </message>
</context>
</TS>
