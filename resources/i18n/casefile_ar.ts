<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar_SY">
<context>
    <name>ActorForm</name>
    <message>
        <location filename="../../ui/forms/actor_form_view.py" line="83" />
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <location filename="../../ui/forms/actor_form_view.py" line="85" />
        <source>Citations</source>
        <translation>الاستشهادات</translation>
    </message>
</context>
<context>
    <name>ActorPickerDialog</name>
    <message>
        <location filename="../../ui/dialogs/actor_picker.py" line="40" />
        <source>Type a name to search every actor</source>
        <translation>اكتب اسماً للبحث في جميع الفاعلين</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../ui/desk/status_bar.py" line="129" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_bar.py" line="159" />
        <source>{} of {}</source>
        <translation>{} من {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_bar.py" line="162" />
        <source>Stopping…</source>
        <translation>جارٍ الإيقاف…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_bar.py" line="163" />
        <source>%1
Click to show the progress window.</source>
        <translation>%1
انقر لإظهار نافذة التقدم.</translation>
    </message>
</context>
<context>
    <name>CaseStatusBar</name>
    <message>
        <location filename="../../ui/desk/status_bar.py" line="66" />
        <source>No case open</source>
        <translation>لا توجد قضية مفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/status_bar.py" line="89" />
        <source>{sources} documents · {actors} actors · {places} places · {incidents} incidents · {proposals} to review</source>
        <translation>المستندات: {sources} · الفاعلون: {actors} · الأماكن: {places} · الحوادث: {incidents} · للمراجعة: {proposals}</translation>
    </message>
</context>
<context>
    <name>CitationsView</name>
    <message>
        <location filename="../../ui/desk/citations_view.py" line="22" />
        <source>Double-click or Enter: show the passage in its document</source>
        <translation>انقر مرتين أو اضغط Enter: اعرض المقطع في مستنده</translation>
    </message>
    <message>
        <location filename="../../ui/desk/citations_view.py" line="33" />
        <source>No passage cited yet: select text in a document and choose «Cite for the current record».</source>
        <translation>لم يُستشهد بأي مقطع بعد: حدّد نصاً في مستند واختر «استشهد للسجل الحالي».</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="38" />
        <source>Someone else changed this record</source>
        <translation>غيّر شخص آخر هذا السجل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="40" />
        <source>{} was changed by someone else since you opened it, so your version was not saved. Nothing is lost: choose which version to keep.</source>
        <translation>غيّر شخص آخر {} منذ أن فتحته، لذلك لم تُحفظ نسختك. لم يضع شيء: اختر النسخة التي تريد الاحتفاظ بها.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="46" />
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="46" />
        <source>Your version</source>
        <translation>نسختك</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="47" />
        <source>Their version (saved)</source>
        <translation>نسختهم (المحفوظة)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="64" />
        <source>Keep mine (save it over theirs)</source>
        <translation>احتفظ بنسختي (احفظها فوق نسختهم)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="65" />
        <source>Take theirs (drop my changes)</source>
        <translation>خذ نسختهم (تجاهل تغييراتي)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/conflict_dialog.py" line="72" />
        <source>Cancel keeps your version in the form, unsaved.</source>
        <translation>الإلغاء يُبقي نسختك في النموذج دون حفظ.</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="95" />
        <location filename="../../ui/desk/viewer_view.py" line="331" />
        <source>Open original</source>
        <translation>افتح الأصل</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="98" />
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="99" />
        <source>Metadata and reliability of this document</source>
        <translation>البيانات الوصفية لهذا المستند وموثوقيته</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="103" />
        <source>Zoom in (Ctrl++)</source>
        <translation>تكبير (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="104" />
        <source>Zoom out (Ctrl+-)</source>
        <translation>تصغير (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="105" />
        <source>Page image</source>
        <translation>صورة الصفحة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="107" />
        <source>Show the page beside its text, with the selected words boxed</source>
        <translation>اعرض الصفحة بجانب نصها مع تأطير الكلمات المحددة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="123" />
        <source>Select a document to read it here.</source>
        <translation>اختر مستنداً لقراءته هنا.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="205" />
        <source>reliability {}</source>
        <translation>الموثوقية {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="211" />
        <source>Imported {} by {}</source>
        <translation>استُورد في {} بواسطة {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="231" />
        <source>Text read by OCR, confidence {} %</source>
        <translation>نص مقروء بالتعرف الضوئي، الثقة {} %</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="235" />
        <source>(pages {} of {})</source>
        <translation>(الصفحات {} من {})</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="238" />
        <source>No text: {}</source>
        <translation>لا نص: {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="323" />
        <source>not found</source>
        <translation>غير موجود</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="332" />
        <source>The original is a web page: a browser may load its remote content and run its scripts. Open it anyway?</source>
        <translation>الأصل صفحة ويب: قد يحمّل المتصفح محتواها البعيد ويشغّل نصوصها البرمجية. هل تريد فتحها على أي حال؟</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../../ui/desk/documents_model.py" line="15" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_model.py" line="16" />
        <source>To review</source>
        <translation>للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_model.py" line="17" />
        <source>Confirmed</source>
        <translation>مؤكَّدة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_model.py" line="18" />
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_model.py" line="19" />
        <source>Publisher</source>
        <translation>الناشر</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_model.py" line="20" />
        <source>Lang.</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_model.py" line="21" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_model.py" line="22" />
        <source>Imported</source>
        <translation>تاريخ الاستيراد</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <location filename="../../ui/desk/documents_view.py" line="34" />
        <source>Filter: title, publisher, words…</source>
        <translation>تصفية: العنوان، الناشر، كلمات…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_view.py" line="37" />
        <source>All languages</source>
        <translation>كل اللغات</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_view.py" line="40" />
        <source>To review</source>
        <translation>للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/documents_view.py" line="41" />
        <source>Only documents with proposals to review</source>
        <translation>المستندات التي فيها مقترحات للمراجعة فقط</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/documents_view.py" line="78" />
        <source>%n document(s)</source>
        <translation><numerusform>عدد المستندات: %n</numerusform><numerusform>عدد المستندات: %n</numerusform><numerusform>عدد المستندات: %n</numerusform><numerusform>عدد المستندات: %n</numerusform><numerusform>عدد المستندات: %n</numerusform><numerusform>عدد المستندات: %n</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="63" />
        <location filename="../../ui/dialogs/export_dialog.py" line="100" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="66" />
        <source>Actor dossier</source>
        <translation>ملف الفاعل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="67" />
        <source>Incident timeline</source>
        <translation>الخط الزمني للحوادث</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="68" />
        <source>Whole case (JSON)</source>
        <translation>القضية كاملة (JSON)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="74" />
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="87" />
        <source>Printed on the cover and on every page</source>
        <translation>تُطبع على الغلاف وعلى كل صفحة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="89" />
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="102" />
        <source>What</source>
        <translation>ماذا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="103" />
        <source>Actor</source>
        <translation>الفاعل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="104" />
        <source>Place (timeline)</source>
        <translation>المكان (الخط الزمني)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="105" />
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="106" />
        <source>Incident types</source>
        <translation>أنواع الحوادث</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="107" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="108" />
        <source>Page size</source>
        <translation>حجم الصفحة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="109" />
        <source>Marking</source>
        <translation>التصنيف</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="110" />
        <source>Save as</source>
        <translation>حفظ باسم</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="128" />
        <source>any date</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="178" />
        <source>Export to</source>
        <translation>تصدير إلى</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="196" />
        <source>Choose where to save the export.</source>
        <translation>اختر مكان حفظ الملف المصدَّر.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="199" />
        <source>%1 is a folder: add a file name.</source>
        <translation>%1 مجلد: أضف اسم ملف.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="202" />
        <source>The folder %1 does not exist.</source>
        <translation>المجلد %1 غير موجود.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="206" />
        <source>Cannot write in the folder %1 (%2). Choose another folder.</source>
        <translation>لا يمكن الكتابة في المجلد %1 (%2). اختر مجلدًا آخر.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="231" />
        <source>Choose the actor whose dossier to export.</source>
        <translation>اختر الفاعل الذي تريد تصدير ملفه.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="235" />
        <source>The period starts after it ends.</source>
        <translation>تبدأ الفترة بعد نهايتها.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="258" />
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="273" />
        <source>The export was cancelled; nothing was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="92" />
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="93" />
        <source>Back to the previous selection (Alt+Left)</source>
        <translation>رجوع إلى التحديد السابق (Alt+يسار)</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="94" />
        <source>Forward</source>
        <translation>تقدّم</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="95" />
        <source>Forward (Alt+Right)</source>
        <translation>تقدّم (Alt+يمين)</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="96" />
        <source>From:</source>
        <translation>من:</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="97" />
        <source>To:</source>
        <translation>إلى:</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="99" />
        <source>any date</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="100" />
        <source>Clear all filters</source>
        <translation>امسح كل عوامل التصفية</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="161" />
        <source>Incident types</source>
        <translation>أنواع الحوادث</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="163" />
        <source>Actor kinds</source>
        <translation>أصناف الفاعلين</translation>
    </message>
    <message>
        <location filename="../../ui/linked/filter_bar.py" line="169" />
        <source>%1: all</source>
        <translation>%1: الكل</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="62" />
        <source>Find in document (Arabic-aware)</source>
        <translation>ابحث في المستند (مع مراعاة العربية)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="66" />
        <source>Previous (Shift+Enter)</source>
        <translation>السابق (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="67" />
        <source>Next (Enter)</source>
        <translation>التالي (Enter)</translation>
    </message>
</context>
<context>
    <name>FormBase</name>
    <message>
        <location filename="../../ui/forms/form_base.py" line="59" />
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="60" />
        <source>Save (Ctrl+S)</source>
        <translation>حفظ (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="61" />
        <source>Revert</source>
        <translation>تراجع عن التعديلات</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="62" />
        <location filename="../../ui/forms/form_base.py" line="324" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="201" />
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="254" />
        <location filename="../../ui/forms/form_base.py" line="277" />
        <source>Not saved: correct the fields marked in red.</source>
        <translation>لم يُحفظ: صحّح الحقول المعلّمة بالأحمر.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="257" />
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="258" />
        <source>{} {} «{}»</source>
        <translation>{} {} «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="267" />
        <source>Saved.</source>
        <translation>حُفظ.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="281" />
        <source>Not saved: {}</source>
        <translation>لم يُحفظ: {}</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="285" />
        <source>Someone else saved this record first.</source>
        <translation>حفظ شخص آخر هذا السجل أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="300" />
        <source>Edit {} «{}» (kept mine)</source>
        <translation>تعديل {} «{}» (مع الاحتفاظ بنسختي)</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="315" />
        <source>Someone else deleted this record. Your version is kept here: Save creates it again.</source>
        <translation>حذف شخص آخر هذا السجل. نسختك محفوظة هنا: «حفظ» ينشئه من جديد.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="325" />
        <source>Delete {} «{}» and what hangs on it? Undo brings it back.</source>
        <translation>هل تحذف {} «{}» وما يتعلق به؟ يمكن استعادته بالتراجع.</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="328" />
        <source>Delete {} «{}»</source>
        <translation>حذف {} «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/forms/form_base.py" line="335" />
        <source>Deleted.</source>
        <translation>حُذف.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/core/formatting.py" line="45" />
        <source>undated</source>
        <translation>غير مؤرَّخ</translation>
    </message>
    <message>
        <location filename="../../ui/core/formatting.py" line="54" />
        <source>about %1</source>
        <translation>نحو %1</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../ui/linked/graph_items.py" line="195" />
        <source>%1 incidents</source>
        <translation>الحوادث: %1</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="95" />
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="96" />
        <source>Min. links:</source>
        <translation>أدنى عدد روابط:</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="97" />
        <source>Busiest actors (no centre)</source>
        <translation>الفاعلون الأكثر نشاطاً (دون مركز)</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="98" />
        <source>Fit the graph in view</source>
        <translation>لائم الشبكة مع العرض</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="99" />
        <source>Export as PNG</source>
        <translation>تصدير بصيغة PNG</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="100" />
        <source>Export as SVG</source>
        <translation>تصدير بصيغة SVG</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="254" />
        <source>Could not load the graph: %1</source>
        <translation>تعذّر تحميل الشبكة: %1</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="257" />
        <source>%1 actors, %2 links</source>
        <translation>الفاعلون: %1، الروابط: %2</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="260" />
        <source>busiest shown</source>
        <translation>معروض الأكثر نشاطاً</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="262" />
        <source>laying out…</source>
        <translation>جارٍ الترتيب…</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="268" />
        <source>PNG image (*.png)</source>
        <translation>صورة PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="268" />
        <source>SVG drawing (*.svg)</source>
        <translation>رسم SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="269" />
        <source>Export graph</source>
        <translation>تصدير الشبكة</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="285" />
        <source>Actor network</source>
        <translation>شبكة الفاعلين</translation>
    </message>
    <message>
        <location filename="../../ui/linked/graph_view.py" line="298" />
        <source>Could not write %1</source>
        <translation>تعذّرت كتابة %1</translation>
    </message>
</context>
<context>
    <name>GroupReviewModel</name>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="22" />
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="23" />
        <source>Group</source>
        <translation>جماعة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="24" />
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="25" />
        <source>Incident</source>
        <translation>حادثة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="28" />
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="29" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="30" />
        <source>Known as</source>
        <translation>معروف باسم</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="31" />
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="32" />
        <source>Mentions</source>
        <translation>الإشارات</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="33" />
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="80" />
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="84" />
        <source>like: {} ?</source>
        <translation>يشبه: {} ؟</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="85" />
        <source>known: {}</source>
        <translation>معروف: {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="95" />
        <source>a confirmed name or alias matched at import</source>
        <translation>طابق اسماً أو لقباً مؤكداً عند الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="96" />
        <source>the same name as this record</source>
        <translation>الاسم نفسه لهذا السجل</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_model.py" line="98" />
        <source>a spelling close to one of its names, not the same: accept only if it is the same record</source>
        <translation>كتابة قريبة من أحد أسمائه وليست هي: اقبل فقط إن كان السجل نفسه</translation>
    </message>
</context>
<context>
    <name>GroupReviewView</name>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="71" />
        <source>Could not group the proposals: {}</source>
        <translation>تعذّر تجميع المقترحات: {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="82" />
        <source>Lowest confidence of a mention</source>
        <translation>أدنى ثقة لإشارة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="83" />
        <source>kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="84" />
        <source>Kind of actor or place, or incident type (militia, town, protests…)</source>
        <translation>نوع الفاعل أو المكان أو نوع الحدث (militia، town، protests…)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="86" />
        <source>source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="87" />
        <source>from date</source>
        <translation>من تاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="88" />
        <source>to date</source>
        <translation>إلى تاريخ</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="89" />
        <source>name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="90" />
        <source>Top new names this week</source>
        <translation>أكثر الأسماء الجديدة هذا الأسبوع</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="134" />
        <source>Untick a mention to leave it out of the decision (Space); it stays to review on its own.</source>
        <translation>أزل العلامة عن إشارة لاستثنائها من القرار (مسافة)؛ تبقى للمراجعة وحدها.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="203" />
        <source>{} names, {} mentions to review</source>
        <translation>{} اسماً، {} إشارة للمراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="208" />
        <source>&lt;p&gt;Nothing left to review here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;لم يبق شيء للمراجعة هنا.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="261" />
        <source>Known: {} {} «{}»</source>
        <translation>معروف: {} {} «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="264" />
        <source>matched alias «{}»</source>
        <translation>طابق الاسم البديل «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="267" />
        <source>A new name: accepting makes a new record.</source>
        <translation>اسم جديد: القبول ينشئ سجلاً جديداً.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="269" />
        <source>{} reports, {} mentions, confidence {} (median {}%)</source>
        <translation>{} تقريراً، {} إشارة، الثقة {} (الوسيط {}%)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="298" />
        <source>{} mention(s) skipped: {}</source>
        <translation>تُركت {} إشارة: {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="311" />
        <source>Accept «{}» in {} reports</source>
        <translation>قبول «{}» في {} تقريراً</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="318" />
        <source>«{}» is not an entity</source>
        <translation>«{}» ليس كياناً</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="328" />
        <source>Link to a record</source>
        <translation>ربط بسجل</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="329" />
        <source>Link «{}» ({} reports) to:</source>
        <translation>ربط «{}» ({} تقريراً) بـ:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="333" />
        <source>Link «{}» to {} {}</source>
        <translation>ربط «{}» بـ {} {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="354" />
        <source>{} reports, {} mentions</source>
        <translation>{} تقريراً، {} إشارة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="359" />
        <source>Merge two names</source>
        <translation>دمج اسمين</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="360" />
        <source>Merge «{}» with:</source>
        <translation>دمج «{}» مع:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="363" />
        <source>Merge «{}» and «{}»</source>
        <translation>دمج «{}» و«{}»</translation>
    </message>
    <message>
        <location filename="../../ui/desk/group_review_view.py" line="379" />
        <source>Accept {} known names</source>
        <translation>قبول {} اسماً معروفاً</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="90" />
        <source>OCR: page {} of {}</source>
        <translation>التعرف الضوئي: الصفحة {} من {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="150" />
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="150" />
        <source>{} of {} files</source>
        <translation>{} من {} ملفات</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="151" />
        <source>{} documents/s</source>
        <translation>{} مستند/ثانية</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="105" />
        <source>Import finished</source>
        <translation>انتهى الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="106" />
        <source>Import cancelled</source>
        <translation>أُلغي الاستيراد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="109" />
        <source>{} imported, {} already in the case, {} failed.</source>
        <translation>استُورد {}، و{} موجود مسبقاً في القضية، وفشل {}.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="112" />
        <source>Cancelled after {} of {} files; the rest were not touched.</source>
        <translation>أُلغي بعد {} من {} ملفات؛ لم يُمسّ الباقي.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="120" />
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="120" />
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../ui/desk/import_flow.py" line="124" />
        <source>warning: {}</source>
        <translation>تحذير: {}</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <location filename="../../ui/forms/incident_form_view.py" line="79" />
        <source>Citations</source>
        <translation>الاستشهادات</translation>
    </message>
</context>
<context>
    <name>LazyTableModel</name>
    <message>
        <location filename="../../ui/core/lazy_model.py" line="61" />
        <source>Listing</source>
        <translation>جارٍ السرد</translation>
    </message>
    <message>
        <location filename="../../ui/core/lazy_model.py" line="80" />
        <source>Loading rows</source>
        <translation>جارٍ تحميل الصفوف</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../ui/desk/viewer_view.py" line="53" />
        <source>filled = confirmed · dashed underline = proposed</source>
        <translation>ممتلئ = مؤكَّد · خط متقطع = مقترح</translation>
    </message>
</context>
<context>
    <name>LinkedViews</name>
    <message>
        <location filename="../../ui/linked/linked_views.py" line="27" />
        <source>Filters</source>
        <translation>عوامل التصفية</translation>
    </message>
    <message>
        <location filename="../../ui/linked/linked_views.py" line="28" />
        <source>Timeline</source>
        <translation>الخط الزمني</translation>
    </message>
    <message>
        <location filename="../../ui/linked/linked_views.py" line="29" />
        <source>Network</source>
        <translation>الشبكة</translation>
    </message>
    <message>
        <location filename="../../ui/linked/linked_views.py" line="30" />
        <source>Map</source>
        <translation>الخريطة</translation>
    </message>
    <message>
        <location filename="../../ui/linked/linked_views.py" line="33" />
        <source>Search the case…</source>
        <translation>ابحث في القضية…</translation>
    </message>
    <message>
        <location filename="../../ui/linked/linked_views.py" line="34" />
        <source>Preferences…</source>
        <translation>التفضيلات…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/desk/main_window.py" line="75" />
        <source>Open a case (File → Open case) or create one.
Then drop report files anywhere on this window.</source>
        <translation>افتح قضية (ملف ← فتح قضية) أو أنشئ واحدة.
ثم أفلت ملفات التقارير في أي مكان من هذه النافذة.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="85" />
        <location filename="../../ui/desk/main_window.py" line="229" />
        <location filename="../../ui/desk/main_window.py" line="231" />
        <source>No case open</source>
        <translation>لا توجد قضية مفتوحة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="164" />
        <source>Opening {}…</source>
        <translation>جارٍ فتح {}…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="178" />
        <source>Cannot open the case</source>
        <translation>تعذّر فتح القضية</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="320" />
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="321" />
        <source>Open or create a case first.</source>
        <translation>افتح قضية أو أنشئها أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="40" />
        <source>&amp;New case…</source>
        <translation>قضية &amp;جديدة…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="41" />
        <source>&amp;Open case…</source>
        <translation>&amp;فتح قضية…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="43" />
        <source>&amp;Import files…</source>
        <translation>ا&amp;ستيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="44" />
        <source>Import files (or drop them on the window)</source>
        <translation>استيراد ملفات (أو أفلتها على النافذة)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="45" />
        <source>Import a &amp;folder…</source>
        <translation>استيراد م&amp;جلد…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="47" />
        <source>&amp;Export…</source>
        <translation>ت&amp;صدير…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="48" />
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="59" />
        <source>&amp;Find in document</source>
        <translation>&amp;بحث في المستند</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="60" />
        <source>Search the &amp;case…</source>
        <translation>ابحث في ال&amp;قضية…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="61" />
        <source>Search actors, places, incidents and documents</source>
        <translation>ابحث في الفاعلين والأماكن والحوادث والمستندات</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="62" />
        <source>New &amp;actor</source>
        <translation>فاعل &amp;جديد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="64" />
        <source>New &amp;place</source>
        <translation>م&amp;كان جديد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="65" />
        <source>New inci&amp;dent</source>
        <translation>&amp;حادثة جديدة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="67" />
        <source>&amp;Back</source>
        <translation>&amp;رجوع</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="68" />
        <source>&amp;Forward</source>
        <translation>&amp;تقدم</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="69" />
        <source>&amp;Preferences…</source>
        <translation>التف&amp;ضيلات…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="71" />
        <source>&amp;Reset layout</source>
        <translation>إعادة &amp;ترتيب اللوحات</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="72" />
        <source>&amp;About Casefile</source>
        <translation>&amp;حول Casefile</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="59" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="60" />
        <source>Actors, places, incidents</source>
        <translation>الفاعلون والأماكن والحوادث</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="61" />
        <source>Review queue</source>
        <translation>قائمة المراجعة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="62" />
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../ui/desk/panels.py" line="63" />
        <source>Review by name</source>
        <translation>المراجعة حسب الاسم</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/linked/map_view.py" line="242" />
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../ui/linked/map_view.py" line="243" />
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../ui/linked/map_view.py" line="244" />
        <source>Show all places</source>
        <translation>اعرض كل الأماكن</translation>
    </message>
    <message>
        <location filename="../../ui/linked/map_view.py" line="245" />
        <source>Latin names</source>
        <translation>أسماء لاتينية</translation>
    </message>
    <message>
        <location filename="../../ui/linked/map_view.py" line="247" />
        <source>No places on the map yet.
Places appear here once they are in the case with coordinates: accept the proposed places (Review by name → Places; places the gazetteer knows come with their coordinates), or give a place its latitude and longitude in its form.</source>
        <translation>لا أماكن على الخريطة بعد.
تظهر الأماكن هنا متى كانت في القضية بإحداثياتها: اقبل الأماكن المقترحة (المراجعة حسب الاسم ← الأماكن؛ الأماكن المعروفة في المعجم الجغرافي تأتي بإحداثياتها)، أو أعط المكان خط العرض والطول في نموذجه.</translation>
    </message>
    <message>
        <location filename="../../ui/linked/map_view.py" line="378" />
        <source>%1 places, %2 with incidents</source>
        <translation>الأماكن: %1، منها %2 فيها حوادث</translation>
    </message>
    <message>
        <location filename="../../ui/linked/map_view.py" line="384" />
        <source>%1 incidents</source>
        <translation>الحوادث: %1</translation>
    </message>
</context>
<context>
    <name>PageImageView</name>
    <message>
        <location filename="../../ui/desk/page_image_view.py" line="95" />
        <source>Previous page</source>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/page_image_view.py" line="96" />
        <source>Next page</source>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <location filename="../../ui/desk/page_image_view.py" line="145" />
        <source>No page image</source>
        <translation>لا صورة للصفحة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/page_image_view.py" line="147" />
        <source>Page {} of {}</source>
        <translation>الصفحة {} من {}</translation>
    </message>
    <message>
        <location filename="../../ui/desk/page_image_view.py" line="149" />
        <source>read by OCR, confidence {} %</source>
        <translation>مقروءة بالتعرف الضوئي، الثقة {} %</translation>
    </message>
    <message>
        <location filename="../../ui/desk/page_image_view.py" line="151" />
        <source>text layer</source>
        <translation>طبقة نصية</translation>
    </message>
</context>
<context>
    <name>PlaceForm</name>
    <message>
        <location filename="../../ui/forms/place_form_view.py" line="43" />
        <source>Incidents here</source>
        <translation>الحوادث هنا</translation>
    </message>
    <message>
        <location filename="../../ui/forms/place_form_view.py" line="45" />
        <source>Citations</source>
        <translation>الاستشهادات</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="104" />
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="105" />
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="106" />
        <source>System default (%1)</source>
        <translation>لغة النظام (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="108" />
        <source>Label the graph and map with Latin names</source>
        <translation>اكتب أسماء الشبكة والخريطة بالحروف اللاتينية</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="109" />
        <source>OCR languages for imports:</source>
        <translation>لغات التعرف الضوئي عند الاستيراد:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="110" />
        <source>Tesseract models joined by +, e.g. ara+eng or ara+eng+fra</source>
        <translation>نماذج Tesseract مفصولة بـ +، مثل ara+eng أو ara+eng+fra</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preferences_dialog.py" line="111" />
        <source>Dates and numbers follow the interface language.</source>
        <translation>تتبع التواريخ والأرقام لغة الواجهة.</translation>
    </message>
</context>
<context>
    <name>ProposalEditDialog</name>
    <message>
        <location filename="../../ui/forms/proposal_edit.py" line="26" />
        <source>Edit proposal</source>
        <translation>تعديل المقترح</translation>
    </message>
    <message>
        <location filename="../../ui/forms/proposal_edit.py" line="45" />
        <source>In the text: «{}»</source>
        <translation>في النص: «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/forms/proposal_edit.py" line="46" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/forms/proposal_edit.py" line="49" />
        <source>Latin name</source>
        <translation>الاسم باللاتينية</translation>
    </message>
    <message>
        <location filename="../../ui/forms/proposal_edit.py" line="51" />
        <source>Kind</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <location filename="../../ui/forms/proposal_edit.py" line="59" />
        <source>The name is required.</source>
        <translation>الاسم مطلوب.</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../../ui/desk/records_view.py" line="81" />
        <source>Filter (Arabic-aware)</source>
        <translation>تصفية (مع مراعاة العربية)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/records_view.py" line="83" />
        <source>New {}</source>
        <translation>{} جديد</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../ui/desk/record_panel.py" line="27" />
        <source>Select an actor, place, incident or document — or create one from a passage of a document.</source>
        <translation>اختر فاعلاً أو مكاناً أو حادثة أو مستنداً — أو أنشئ واحداً من مقطع في مستند.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/record_panel.py" line="81" />
        <source>The {} «{}»</source>
        <translation>{} «{}»</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../ui/desk/review_model.py" line="18" />
        <source>Kind</source>
        <translation>الصنف</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_model.py" line="19" />
        <source>In the text</source>
        <translation>في النص</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_model.py" line="20" />
        <source>Proposed as</source>
        <translation>مقترح بوصفه</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_model.py" line="21" />
        <source>Matched alias</source>
        <translation>الاسم المطابق</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_model.py" line="22" />
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_model.py" line="23" />
        <source>Document</source>
        <translation>المستند</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../ui/desk/review_view.py" line="57" />
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="57" />
        <source>Whole case</source>
        <translation>القضية كلها</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/review_view.py" line="123" />
        <source>%n proposal(s) to review</source>
        <translation><numerusform>مقترحات للمراجعة: %n</numerusform><numerusform>مقترحات للمراجعة: %n</numerusform><numerusform>مقترحات للمراجعة: %n</numerusform><numerusform>مقترحات للمراجعة: %n</numerusform><numerusform>مقترحات للمراجعة: %n</numerusform><numerusform>مقترحات للمراجعة: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="156" />
        <source>matched alias «{}»</source>
        <translation>طابق الاسم البديل «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="157" />
        <source>no alias matched: a new name</source>
        <translation>لم يطابق أي اسم بديل: اسم جديد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="176" />
        <source>Accept «{}»</source>
        <translation>اقبل «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="182" />
        <source>Reject «{}»</source>
        <translation>ارفض «{}»</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/review_view.py" line="189" />
        <source>Accept %n proposal(s)</source>
        <translation><numerusform>اقبل المقترحات: %n</numerusform><numerusform>اقبل المقترحات: %n</numerusform><numerusform>اقبل المقترحات: %n</numerusform><numerusform>اقبل المقترحات: %n</numerusform><numerusform>اقبل المقترحات: %n</numerusform><numerusform>اقبل المقترحات: %n</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="197" />
        <source>Merge into an actor</source>
        <translation>ادمج في فاعل</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="198" />
        <source>«{}» is another name of:</source>
        <translation>«{}» اسم آخر لـ:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="201" />
        <source>Merge «{}»</source>
        <translation>ادمج «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/desk/review_view.py" line="210" />
        <source>Edit and accept «{}»</source>
        <translation>عدّل واقبل «{}»</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <location filename="../../ui/forms/rows_editor.py" line="56" />
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
</context>
<context>
    <name>SearchPalette</name>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="115" />
        <source>Search the case</source>
        <translation>البحث في القضية</translation>
    </message>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="116" />
        <source>Actors, aliases, places, incidents, documents…</source>
        <translation>فاعلون، أسماء بديلة، أماكن، حوادث، مستندات…</translation>
    </message>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="125" />
        <source>Actors</source>
        <translation>الفاعلون</translation>
    </message>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="125" />
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="126" />
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="126" />
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="152" />
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="176" />
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../ui/linked/search_palette.py" line="177" />
        <source>Matches: %1</source>
        <translation>النتائج: %1</translation>
    </message>
</context>
<context>
    <name>SpanActions</name>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="46" />
        <location filename="../../ui/desk/span_actions.py" line="50" />
        <source>New actor «{}»</source>
        <translation>فاعل جديد «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="53" />
        <location filename="../../ui/desk/span_actions.py" line="57" />
        <source>New place «{}»</source>
        <translation>مكان جديد «{}»</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="59" />
        <source>New incident from this passage</source>
        <translation>حادثة جديدة من هذا المقطع</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="60" />
        <source>New incident</source>
        <translation>حادثة جديدة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="62" />
        <source>Add «{}» as alias of…</source>
        <translation>أضف «{}» اسماً بديلاً لـ…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="65" />
        <source>Cite for the current record</source>
        <translation>استشهد للسجل الحالي</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="67" />
        <source>Cite for the open {} ({})</source>
        <translation>استشهد لـ{} المفتوح ({})</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="70" />
        <source>Cite passage</source>
        <translation>استشهد بالمقطع</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="74" />
        <source>Open an actor, place or incident first.</source>
        <translation>افتح فاعلاً أو مكاناً أو حادثة أولاً.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="102" />
        <source>Another actor already has this name: {}. If it is the same, merge them or add the passage as its alias.</source>
        <translation>لفاعل آخر الاسم نفسه: {}. إن كان هو نفسه فادمجهما أو أضف المقطع اسماً آخر له.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="111" />
        <source>Add as alias</source>
        <translation>أضف اسماً بديلاً</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="112" />
        <source>Add «{}» as another name of:</source>
        <translation>أضف «{}» اسماً آخر لـ:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/span_actions.py" line="115" />
        <source>Add alias «{}»</source>
        <translation>أضف الاسم البديل «{}»</translation>
    </message>
</context>
<context>
    <name>StoplistDialog</name>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="32" />
        <source>Not an entity</source>
        <translation>ليس كياناً</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="35" />
        <source>Names on this list are not proposed again in later imports and re-runs. Confirming such a name by hand takes it off.</source>
        <translation>الأسماء في هذه القائمة لا تُقترح مرة أخرى في الاستيرادات وإعادات الاستخراج اللاحقة. تأكيد أحدها يدوياً يزيله منها.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="39" />
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="39" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="40" />
        <source>Added by</source>
        <translation>أضافه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="45" />
        <source>Take off the list</source>
        <translation>إزالة من القائمة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="50" />
        <source>a name</source>
        <translation>اسم</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="51" />
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="93" />
        <source>Take {} name(s) off the not-an-entity list</source>
        <translation>إزالة {} اسماً من قائمة «ليس كياناً»</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/stoplist_dialog.py" line="100" />
        <source>«{}» is not an entity</source>
        <translation>«{}» ليس كياناً</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="70" />
        <source>%1 s left</source>
        <translation>بقيت %1 ثانية</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="75" />
        <source>about %1 min %2 s left</source>
        <translation>بقي نحو %1 دقيقة و%2 ثانية</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="76" />
        <source>about %1 min left</source>
        <translation>بقي نحو %1 دقيقة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="79" />
        <source>about %1 h %2 min left</source>
        <translation>بقي نحو %1 ساعة و%2 دقيقة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="80" />
        <source>about %1 h left</source>
        <translation>بقي نحو %1 ساعة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="101" />
        <source>Preparing…</source>
        <translation>جارٍ التحضير…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="109" />
        <source>Hide</source>
        <translation>إخفاء</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="110" />
        <source>Keep working; the progress stays in the status bar</source>
        <translation>تابع العمل؛ يبقى التقدم ظاهراً في شريط الحالة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="112" />
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/task_progress.py" line="158" />
        <source>Stopping…</source>
        <translation>جارٍ الإيقاف…</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <location filename="../../ui/linked/timeline_canvas.py" line="157" />
        <source>Nothing on the timeline yet.
Incidents appear here by date once you accept them: review the proposed incidents (Review queue, or Review by name → Incidents), or select a passage of a document and create an incident from it.</source>
        <translation>لا شيء على الخط الزمني بعد.
تظهر الأحداث هنا حسب تاريخها متى قبلتها: راجع الأحداث المقترحة (قائمة المراجعة، أو المراجعة حسب الاسم ← الأحداث)، أو حدد مقطعاً من مستند وأنشئ منه حدثاً.</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_canvas.py" line="162" />
        <source>No dated incidents here.
Clear the filters or the actor or place the timeline follows, or give the undated incidents a date.</source>
        <translation>لا أحداث مؤرخة هنا.
امسح عوامل التصفية أو الفاعل أو المكان الذي يتبعه الخط الزمني، أو أعط الأحداث غير المؤرخة تاريخاً.</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_canvas.py" line="340" />
        <source>Date precision: %1</source>
        <translation>دقة التاريخ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_canvas.py" line="345" />
        <source>%1 incidents</source>
        <translation>الحوادث: %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="123" />
        <source>Lanes:</source>
        <translation>المسارات:</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="124" />
        <source>By type</source>
        <translation>حسب النوع</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="125" />
        <source>By actor</source>
        <translation>حسب الفاعل</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="126" />
        <source>Zoom in (wheel up)</source>
        <translation>تكبير (عجلة الفأرة للأعلى)</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="127" />
        <source>Zoom out (wheel down)</source>
        <translation>تصغير (عجلة الفأرة للأسفل)</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="128" />
        <source>Show the whole case</source>
        <translation>اعرض القضية كلها</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="129" />
        <source>Show all incidents</source>
        <translation>اعرض كل الحوادث</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="200" />
        <source>Incidents involving %1</source>
        <translation>الحوادث التي شارك فيها %1</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="201" />
        <source>Incidents at %1</source>
        <translation>الحوادث في %1</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="207" />
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="209" />
        <source>%1 incidents</source>
        <translation>الحوادث: %1</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="211" />
        <source>%1 undated</source>
        <translation>غير المؤرَّخة: %1</translation>
    </message>
    <message>
        <location filename="../../ui/linked/timeline_view.py" line="213" />
        <source>counts per period</source>
        <translation>أعداد لكل فترة</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="45" />
        <source>About Casefile</source>
        <translation>عن Casefile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about_dialog.py" line="46" />
        <source>&lt;h3&gt;Casefile&lt;/h3&gt;&lt;p&gt;Offline, Arabic-first case files for conflict analysts: actor dossiers, incident timelines and the sources behind every fact.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Casefile&lt;/h3&gt;&lt;p&gt;ملفات قضايا تعمل دون اتصال وبالعربية أولاً لمحللي النزاعات: ملفات الفاعلين، والخطوط الزمنية للحوادث، والمصادر التي تسند كل معلومة.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/messages.py" line="16" />
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/messages.py" line="17" />
        <source>{} has changes that are not saved.</source>
        <translation>في {} تغييرات غير محفوظة.</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../ui/core/app.py" line="76" />
        <source>Building the demo case</source>
        <translation>جارٍ بناء القضية التجريبية</translation>
    </message>
    <message>
        <location filename="../../ui/core/app.py" line="82" />
        <source>The demo case was not built</source>
        <translation>لم تُبنَ القضية التجريبية</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="49" />
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="53" />
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="78" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="81" />
        <source>&amp;Recent cases</source>
        <translation>القضايا ال&amp;حديثة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="90" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="102" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="107" />
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_actions.py" line="114" />
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_dialogs.py" line="17" />
        <source>New case</source>
        <translation>قضية جديدة</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_dialogs.py" line="26" />
        <source>Open case</source>
        <translation>فتح قضية</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_dialogs.py" line="38" />
        <source>(none yet)</source>
        <translation>(لا شيء بعد)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_dialogs.py" line="41" />
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_dialogs.py" line="48" />
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../ui/desk/window_dialogs.py" line="61" />
        <source>Exported to {}</source>
        <translation>صُدِّر إلى {}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/core/app.py" line="114" />
        <source>The entity model cannot be used</source>
        <translation>لا يمكن استخدام نموذج الكيانات</translation>
    </message>
</context>
</TS>