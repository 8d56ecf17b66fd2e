#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| shoko_fuzz::checks::requirements(data));
