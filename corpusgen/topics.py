"""What agreements are about: title phrase, Ruang Lingkup items, Maksud and Tujuan.

Written for this generator in the register of regional-cooperation documents;
each topic has more scope items than one document uses so that siblings differ.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    title: str  # "Peningkatan Kapasitas Sumber Daya Manusia Aparatur"
    scope: tuple[str, ...]
    maksud: str  # completes "... dimaksudkan sebagai ..."
    tujuan: str  # completes "... bertujuan untuk ..."
    kinds: tuple[str, ...] = ()  # party kinds it suits (empty = any)


TOPICS: tuple[Topic, ...] = (
    Topic(
        "sdm",
        "Peningkatan Kapasitas Sumber Daya Manusia Aparatur",
        (
            "pendidikan dan pelatihan teknis bagi aparatur sipil negara",
            "penyelenggaraan program magang dan pertukaran pegawai",
            "penyusunan standar kompetensi jabatan dan uji kompetensi",
            "pemanfaatan tenaga ahli dan narasumber dalam kegiatan peningkatan kapasitas",
            "penyelenggaraan seminar, lokakarya, dan bimbingan teknis",
            "pengembangan sistem informasi kepegawaian yang terintegrasi",
        ),
        "landasan bagi PARA PIHAK dalam melaksanakan kerja sama peningkatan kapasitas sumber "
        "daya manusia aparatur",
        "meningkatkan kompetensi, profesionalisme, dan kinerja aparatur dalam penyelenggaraan "
        "pemerintahan dan pelayanan publik",
    ),
    Topic(
        "spbe",
        "Pengembangan Sistem Pemerintahan Berbasis Elektronik",
        (
            "pembangunan dan pengembangan aplikasi layanan publik berbasis elektronik",
            "pemanfaatan bersama pusat data dan jaringan intra pemerintah",
            "integrasi data dan interoperabilitas sistem informasi",
            "peningkatan keamanan informasi dan persandian",
            "pendampingan teknis dan alih pengetahuan di bidang teknologi informasi",
            "penyusunan arsitektur dan peta rencana sistem pemerintahan berbasis elektronik",
        ),
        "pedoman bagi PARA PIHAK dalam pengembangan dan penerapan sistem pemerintahan berbasis "
        "elektronik",
        "mewujudkan tata kelola pemerintahan yang bersih, efektif, transparan, dan akuntabel "
        "serta pelayanan publik yang berkualitas dan terpercaya",
    ),
    Topic(
        "sampah",
        "Pengelolaan Sampah Regional",
        (
            "penyediaan dan pengelolaan tempat pemrosesan akhir sampah regional",
            "pengangkutan sampah dari tempat penampungan sementara",
            "pengurangan sampah melalui bank sampah dan daur ulang",
            "penyusunan kajian teknis dan analisis mengenai dampak lingkungan",
            "pembagian biaya jasa pengolahan sampah secara proporsional",
            "edukasi dan sosialisasi kepada masyarakat",
        ),
        "dasar bagi PARA PIHAK dalam melaksanakan pengelolaan sampah secara terpadu lintas daerah",
        "meningkatkan kualitas lingkungan hidup dan kesehatan masyarakat serta menjadikan "
        "sampah sebagai sumber daya",
    ),
    Topic(
        "air",
        "Penyediaan Air Minum Lintas Daerah",
        (
            "pemanfaatan sumber air baku yang berada di wilayah PIHAK PERTAMA",
            "pembangunan dan pemeliharaan jaringan transmisi dan distribusi air minum",
            "penetapan volume dan harga jual air curah",
            "perlindungan dan konservasi daerah tangkapan air",
            "pertukaran data dan informasi ketersediaan air baku",
        ),
        "landasan bagi PARA PIHAK dalam penyediaan air minum yang memanfaatkan sumber air "
        "lintas daerah",
        "menjamin ketersediaan air minum yang sehat, cukup, dan berkelanjutan bagi masyarakat "
        "di wilayah PARA PIHAK",
    ),
    Topic(
        "wisata",
        "Pengembangan Pariwisata Terpadu",
        (
            "promosi dan pemasaran destinasi pariwisata secara bersama",
            "pengembangan paket wisata lintas daerah",
            "peningkatan kapasitas pelaku usaha pariwisata dan ekonomi kreatif",
            "pengembangan desa wisata dan atraksi budaya",
            "penyediaan data dan informasi kepariwisataan",
            "penyelenggaraan festival dan acara bersama",
        ),
        "acuan bagi PARA PIHAK dalam mengembangkan potensi pariwisata secara terpadu",
        "meningkatkan jumlah kunjungan wisatawan, lama tinggal, dan kesejahteraan masyarakat "
        "di sekitar destinasi",
    ),
    Topic(
        "tridharma",
        "Pendidikan, Penelitian, dan Pengabdian kepada Masyarakat",
        (
            "penyelenggaraan pendidikan, pelatihan, dan kuliah kerja nyata tematik",
            "penelitian terapan dan kajian kebijakan pembangunan daerah",
            "pengabdian kepada masyarakat dan pemberdayaan desa",
            "pemberian beasiswa dan tugas belajar bagi aparatur",
            "penyediaan tempat praktik kerja lapangan bagi mahasiswa",
            "publikasi ilmiah dan diseminasi hasil penelitian",
        ),
        "landasan bagi PARA PIHAK untuk bekerja sama dalam pelaksanaan Tri Dharma Perguruan Tinggi",
        "mendayagunakan sumber daya PARA PIHAK guna mendukung pembangunan daerah dan "
        "peningkatan mutu pendidikan tinggi",
        ("universitas",),
    ),
    Topic(
        "bencana",
        "Penanggulangan Bencana",
        (
            "penyusunan kajian risiko dan rencana kontinjensi bencana",
            "pertukaran data dan informasi peringatan dini",
            "pengerahan personel, peralatan, dan logistik pada saat tanggap darurat",
            "pelatihan dan simulasi kesiapsiagaan bencana",
            "rehabilitasi dan rekonstruksi pascabencana",
        ),
        "pedoman bagi PARA PIHAK dalam penyelenggaraan penanggulangan bencana secara terkoordinasi",
        "mengurangi risiko dan dampak bencana serta mempercepat penanganan darurat di wilayah "
        "PARA PIHAK",
    ),
    Topic(
        "dukcapil",
        "Pemanfaatan Data Kependudukan",
        (
            "pemanfaatan Nomor Induk Kependudukan dan data kependudukan",
            "akses data balikan untuk verifikasi identitas",
            "pengamanan dan kerahasiaan data pribadi penduduk",
            "peningkatan kualitas layanan administrasi kependudukan",
            "sosialisasi dan pendampingan teknis",
        ),
        "dasar bagi PARA PIHAK dalam pemanfaatan data kependudukan untuk pelayanan publik",
        "mewujudkan pelayanan yang cepat, tepat, dan akurat dengan satu data kependudukan",
    ),
    Topic(
        "umkm",
        "Pengembangan Usaha Mikro, Kecil, dan Menengah",
        (
            "pelatihan kewirausahaan dan manajemen usaha",
            "fasilitasi akses permodalan dan pembiayaan",
            "pendampingan sertifikasi halal dan perizinan berusaha",
            "perluasan akses pasar melalui platform digital",
            "penyediaan ruang promosi produk unggulan daerah",
        ),
        "landasan kerja sama PARA PIHAK dalam pemberdayaan usaha mikro, kecil, dan menengah",
        "meningkatkan daya saing dan kapasitas usaha mikro, kecil, dan menengah di daerah",
    ),
    Topic(
        "bank",
        "Pemanfaatan Jasa dan Layanan Perbankan",
        (
            "penempatan kas daerah dan pengelolaan rekening",
            "layanan penerimaan pajak dan retribusi daerah secara elektronik",
            "penyaluran gaji dan tunjangan aparatur",
            "penyediaan layanan transaksi nontunai",
            "edukasi keuangan dan perluasan inklusi keuangan",
        ),
        "pedoman bagi PARA PIHAK dalam pemanfaatan jasa dan layanan perbankan",
        "meningkatkan efektivitas pengelolaan keuangan daerah dan mendorong transaksi nontunai",
        ("bumn", "bumd", "swasta"),
    ),
    Topic(
        "pangan",
        "Penguatan Ketahanan Pangan",
        (
            "pengembangan kawasan sentra produksi pangan",
            "penyediaan benih, pupuk, dan sarana produksi pertanian",
            "pengendalian harga dan distribusi bahan pangan pokok",
            "penganekaragaman konsumsi pangan lokal",
            "penguatan cadangan pangan daerah",
        ),
        "dasar bagi PARA PIHAK dalam upaya bersama memperkuat ketahanan pangan daerah",
        "menjamin ketersediaan, keterjangkauan, dan keamanan pangan bagi masyarakat",
    ),
    Topic(
        "transport",
        "Penyelenggaraan Angkutan Umum Antarwilayah",
        (
            "penetapan trayek dan jaringan pelayanan angkutan",
            "penyediaan sarana dan prasarana halte serta terminal",
            "pengaturan tarif dan subsidi layanan angkutan",
            "integrasi sistem tiket dan pembayaran elektronik",
            "pengawasan keselamatan dan standar pelayanan minimal",
        ),
        "landasan bagi PARA PIHAK dalam penyelenggaraan angkutan umum yang melayani wilayah "
        "PARA PIHAK",
        "menyediakan layanan angkutan umum yang aman, nyaman, terjangkau, dan terintegrasi",
    ),
    Topic(
        "statistik",
        "Penyelenggaraan Statistik Sektoral",
        (
            "pembinaan penyelenggaraan statistik sektoral",
            "penyusunan metadata dan standar data statistik",
            "pemanfaatan data statistik untuk perencanaan pembangunan",
            "peningkatan kompetensi pengelola data",
            "penyelenggaraan forum satu data daerah",
        ),
        "acuan bagi PARA PIHAK dalam penyelenggaraan statistik sektoral yang berkualitas",
        "mewujudkan data pembangunan yang akurat, mutakhir, terpadu, dan dapat "
        "dipertanggungjawabkan",
    ),
    Topic(
        "kesehatan",
        "Pelayanan Kesehatan Rujukan",
        (
            "pelayanan rujukan pasien antarfasilitas kesehatan",
            "penyediaan tenaga dokter spesialis secara bergilir",
            "pemanfaatan sarana laboratorium dan alat kesehatan",
            "peningkatan kompetensi tenaga kesehatan",
            "sistem informasi rujukan terintegrasi",
        ),
        "landasan bagi PARA PIHAK dalam penyelenggaraan pelayanan kesehatan rujukan",
        "meningkatkan akses dan mutu pelayanan kesehatan bagi masyarakat di wilayah PARA PIHAK",
    ),
    Topic(
        "vokasi",
        "Penyelarasan Pendidikan Vokasi dengan Dunia Usaha dan Dunia Industri",
        (
            "penyelarasan kurikulum dan program pembelajaran berbasis kompetensi sesuai kebutuhan"
            " dunia kerja",
            "praktik kerja lapangan bagi peserta didik",
            "pemagangan guru di dunia usaha dan dunia industri",
            "penyediaan instruktur dan guru tamu dari industri",
            "uji kompetensi dan sertifikasi keahlian peserta didik",
            "pengembangan teaching factory dan sarana praktik",
            "rekrutmen lulusan sesuai kebutuhan industri",
        ),
        "landasan bagi PARA PIHAK dalam melaksanakan kerja sama pendidikan vokasi yang selaras "
        "dengan kebutuhan dunia usaha dan dunia industri",
        "meningkatkan kompetensi dan daya saing lulusan sekolah menengah kejuruan serta "
        "keterserapan lulusan di dunia kerja",
        kinds=("sekolah",),
    ),
)
