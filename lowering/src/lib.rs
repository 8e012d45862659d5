pub fn register_all_passes() {}
