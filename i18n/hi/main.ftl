# डिफ़ॉल्ट थीम की इंटरफ़ेस स्ट्रिंग्स (हिंदी)। हर मैसेज हर भाषा की main.ftl में होना चाहिए।

language-name = हिंदी
# The name of each language, written in this language (used in "not yet translated into …").
lang-en = अंग्रेज़ी
lang-hi = हिंदी
site-title = ‘ना’ के बाद
site-tagline = जॉब रिजेक्शन से उबरने की हैंडबुक: सच्ची कहानियाँ, काम के सुझाव और प्रिंट करने लायक़ वर्कशीट।

skip-link = सीधे मुख्य सामग्री पर जाएँ
nav-label = मुख्य मेन्यू
nav-home = होम
language-switcher-label = भाषा
not-translated = { $language } में अभी अनुवाद नहीं हुआ है
breadcrumb-label = आप यहाँ हैं

section-stories = कहानियाँ
section-guidance = गाइड
section-tips = सुझाव
section-worksheets = वर्कशीट
section-stories-blurb = वे लोग जिन्हें ‘ना’ सुनना पड़ा, और उसके बाद उन्होंने क्या किया।
section-guidance-blurb = रिजेक्शन को सँभालने और आगे की प्लानिंग पर विस्तार से लेख।
section-tips-blurb = छोटे, काम के सुझाव जिन्हें आज ही आज़माया जा सकता है।
section-worksheets-blurb = प्रिंट करके हाथ से भरने वाली वर्कशीट, घर पर या करियर सेंटर में।

count-stories = { $count ->
    [one] { $count } कहानी
   *[other] { $count } कहानियाँ
}
count-guidance = { $count ->
    [one] { $count } लेख
   *[other] { $count } लेख
}
count-tips = { $count ->
    [one] { $count } सुझाव
   *[other] { $count } सुझाव
}
count-worksheets = { $count ->
    [one] { $count } वर्कशीट
   *[other] { $count } वर्कशीट
}
section-empty = यहाँ अभी कुछ नहीं है।

home-sections-heading = इस हैंडबुक में क्या है
page-tags = टैग
published-on = प्रकाशित: { $date }
source-label = एक सार्वजनिक रिपोर्ट पर आधारित:
illustrative-note = यह कहानी कई लोगों के आम अनुभवों को जोड़कर बनाई गई है; यह किसी एक असली व्यक्ति की कहानी नहीं है।
worksheet-name = नाम
worksheet-date = तारीख़
worksheet-print-hint = इस वर्कशीट को प्रिंट करें (ब्राउज़र का प्रिंट विकल्प, Ctrl+P) और हाथ से भरें।
print-button = यह वर्कशीट प्रिंट करें
pdf-download = PDF डाउनलोड करें:
print-pack-link = सारी वर्कशीट एक साथ प्रिंट करें
print-pack-title = प्रिंट के लिए सारी वर्कशीट
print-pack-intro = इस हैंडबुक की हर वर्कशीट एक ही दस्तावेज़ में। इसे A4 या लेटर साइज़ के काग़ज़ पर प्रिंट करें, और शीट एक-एक करके या पूरे सेट के रूप में बाँटें।
print-pack-button = सारी वर्कशीट प्रिंट करें
print-pack-hint = प्रिंट करने के लिए ब्राउज़र का प्रिंट विकल्प इस्तेमाल करें (Ctrl+P, Mac पर ⌘P)। हर वर्कशीट नए पेज से शुरू होती है।
print-pack-contents = विषय-सूची
print-pack-sheet-number = वर्कशीट { $number } / { $count }
print-pack-sheet-link = इस वर्कशीट को अलग पेज पर खोलें
print-licence = टेक्स्ट: CC BY 4.0, क्रेडिट देकर कॉपी करने, बाँटने और बदलने की छूट।
print-version = { $date } का संस्करण
print-qr-label = इस पेज के पते का QR कोड, { $url }
print-notes = नोट्स
print-blank = यह पेज जान-बूझकर ख़ाली छोड़ा गया है।
print-bilingual-link = इसे हिंदी और { $language } में एक साथ प्रिंट करें
print-pack-tag-title = { $tag } पर वर्कशीट
print-pack-tag-link = इस विषय की वर्कशीट प्रिंट करें
print-pack-workshop-title = वर्कशॉप की वर्कशीट
print-pack-workshop-link = इस वर्कशॉप की वर्कशीट प्रिंट करें, सेशन के क्रम में
print-pack-made-from = इससे बनी:
print-pack-page = पेज { $page }
print-sides-label = आप कैसे प्रिंट करेंगे?
print-sides-two = काग़ज़ के दोनों तरफ़: ख़ाली पेज जोड़े जाते हैं, ताकि हर वर्कशीट सामने वाले पेज से शुरू हो
print-sides-one = काग़ज़ के सिर्फ़ एक तरफ़
fill-intro = आप यह वर्कशीट यहीं भर सकते हैं। आपके जवाब सिर्फ़ इसी डिवाइस के इस ब्राउज़र में सेव होते हैं: आप जो भी लिखते हैं, वह आपके फ़ोन से बाहर नहीं जाता।
fill-erase = मेरे जवाब मिटाएँ
fill-erased = आपके जवाब मिटा दिए गए।

tags-title = टैग
tags-summary = हैंडबुक के सारे विषय, और हर विषय पर कितने पेज हैं।
tagged-pages-summary = { $tag } से जुड़े पेज।
all-tags = सभी टैग
pages-count = { $count ->
    [one] { $count } पेज
   *[other] { $count } पेज
}
related-heading = आगे पढ़ें
home-latest-stories = नई कहानियाँ
home-tip-of-the-day = आज का सुझाव
feed-title = { $site }: कहानियाँ और गाइड
filter-label = इन विषयों के सुझाव देखें
filter-all = सभी सुझाव
# टैग फ़िल्टर की स्क्रिप्ट दिखाती है; %n की जगह दिखाए गए सुझावों की गिनती आती है।
filter-shown-one = %n सुझाव दिखाया जा रहा है
filter-shown-other = %n सुझाव दिखाए जा रहे हैं

search-title = खोजें
search-summary = हर कहानी, सुझाव और वर्कशीट में खोजें, हिंदी या अंग्रेज़ी में।
search-label = हैंडबुक में खोजें
search-placeholder = जैसे: फ़ीडबैक, इंटरव्यू, naukri
search-button = खोजें
search-hint = हिंदी, अंग्रेज़ी या रोमन अक्षरों में हिंदी (naukri, asafalta) — किसी में भी लिख सकते हैं।
search-needs-js = खोज के लिए JavaScript चाहिए। आप सेक्शन या टैग से भी पेज ढूँढ सकते हैं।
search-tags-label = टैग से छाँटें
# खोज की स्क्रिप्ट इसे पढ़ती है: गिनती का हर रूप खोज वाले पेज में लिख दिया जाता है।
search-count = { $count ->
    [0] कोई नतीजा नहीं मिला। कोई दूसरा या छोटा शब्द आज़माएँ।
    [one] { $count } नतीजा
   *[other] { $count } नतीजे
}
# जब नतीजे सूची में दिखे नतीजों से ज़्यादा हों: { $shown } कितने दिख रहे हैं (इसी से एकवचन या
# बहुवचन चुना जाता है), { $count } कुल कितने मिले।
search-count-of = { $shown ->
    [one] { $count } में से { $shown } नतीजा
   *[other] { $count } में से { $shown } नतीजे
}
search-searching = ढूँढ रहे हैं…
search-more = और नतीजे दिखाएँ
# "कोई नतीजा नहीं मिला" के नीचे: हैंडबुक के वे शब्द जो लिखे गए शब्द से मिलते-जुलते हैं, फिर लिंक।
search-suggest-words = हैंडबुक में मिलते-जुलते शब्द:
search-suggest-tags = सारे विषय (टैग) देखें
search-suggest-help = अगर सब बहुत भारी लग रहा हो:

choose-language = अपनी भाषा चुनें
not-found-title = पेज नहीं मिला
not-found-text = यह पेज मौजूद नहीं है या कहीं और चला गया है। अपनी भाषा का होम पेज खोलें:

footer-note = स्वयंसेवकों द्वारा लिखी गई। सामग्री CC BY 4.0 लाइसेंस के तहत।
footer-about = इस हैंडबुक के बारे में

# परेशानी में पढ़ने वाले के लिए मदद। हर पेज के नीचे की लाइन ऐसे बनती है:
# "<help-line-lead> <handbook.yaml से शब्द>: <सेवा> <नंबर> · <मदद वाले पेज का शीर्षक>";
# सेवा, उसका नंबर और उससे पहले के शब्द handbook.yaml के `help:` से आते हैं।
help-line-lead = मन बहुत भारी है?
# जब handbook.yaml में सेवा की अपनी `line` न हो, तब सेवा के नाम से पहले यह लिखा जाता है।
help-line-offer = कोई आपकी बात सुनेगा
# भावनाओं वाले पेज, होम पेज और 404 पेज का बॉक्स (वर्कशीट पर प्रिंट भी होता है)।
help-box-label = अगर सब बहुत भारी लगे, तो मदद
help-box-lead = अगर यह बात मन पर बोझ बन रही है, तो इसे अकेले न उठाएँ।
help-box-danger = अभी ख़तरा है? तुरंत कॉल करें:
help-box-more = अभी क्या करें, और किसी दोस्त की मदद कैसे करें:
# एक ही सेवा के दो नंबरों के बीच।
help-or = या
# मदद वाला पेज, पेज के अपने टेक्स्ट से पहले।
help-page-services = अभी कॉल करें
help-service-hours = कब
help-service-languages = भाषाएँ
help-service-website = आधिकारिक वेबसाइट
help-service-sources = ये नंबर कहाँ से लिए गए
help-service-checked = { $date } को जाँचा गया
# किसी दूसरे देश की सेवाएँ इस हेडिंग के नीचे आती हैं।
help-in-country = अगर आप { $country } में हैं
# देशों के नाम, ऊपर वाली हेडिंग के लिए: `country-` और handbook.yaml वाला कोड।
country-IN = भारत
country-PK = पाकिस्तान

date-long = { $day } { $month }, { $year }
month-1 = जनवरी
month-2 = फ़रवरी
month-3 = मार्च
month-4 = अप्रैल
month-5 = मई
month-6 = जून
month-7 = जुलाई
month-8 = अगस्त
month-9 = सितंबर
month-10 = अक्टूबर
month-11 = नवंबर
month-12 = दिसंबर

## रास्ता ढूँढना, फ़ोन और ऑफ़लाइन (issue 19)
app-short-name = हैंडबुक
not-found-home = होम पेज पर जाएँ
heading-link = इस हिस्से का लिंक
toc-title = इस पेज पर
pager-label = इस सेक्शन में और
pager-prev = पिछला
pager-next = अगला
back-to-top = ऊपर जाएँ
start-heading = यहाँ से शुरू करें
start-rejected = यहाँ से शुरू करें
start-story = कोई कहानी पढ़ें
start-worksheet = कोई वर्कशीट भरें
theme-toggle = डार्क मोड
share-button = शेयर करें
share-copied = लिंक कॉपी हो गया। इसे व्हाट्सऐप या मैसेज में पेस्ट करें।
share-copy-failed = यह लिंक कॉपी करें:
offline-heading = बिना इंटरनेट के पढ़ें
offline-intro = यह हैंडबुक एक बार फ़ोन में सेव कर लें, फिर बिना नेटवर्क के भी पढ़ सकते हैं।
offline-save = हैंडबुक ऑफ़लाइन पढ़ने के लिए सेव करें
offline-size = यह फ़ोन में लगभग { $size } जगह लेगी।
offline-saving = सेव हो रहा है… { $total } में से { $done } फ़ाइलें
offline-saved = सेव हो गया: { $size }। अब आप यह हैंडबुक बिना इंटरनेट के पढ़ सकते हैं।
offline-failed = सेव करना रुक गया, क्योंकि नेटवर्क चला गया। इंटरनेट मिलने पर फिर से कोशिश करें।
offline-update = हैंडबुक का नया वर्ज़न तैयार है।
offline-reload = नया वर्ज़न देखें
# हर पेज के नीचे, जब handbook.yaml में रिपॉज़िटरी दी हो (partials/edit-links.html)।
edit-this-page = इस पेज में सुधार करें
report-a-problem = कोई गड़बड़ी बताएँ
last-updated = आख़िरी बदलाव: { $date }
