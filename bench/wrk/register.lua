-- wrk script: registers grievances, POST /api/v1/grievances with {"kind":"phan-anh","text":"..."},
-- rotating through the texts below (each thread starts at a different one).
--   wrk -t2 -c64 -d10s --latency -s bench/wrk/register.lua http://127.0.0.1:PORT -- TOKEN
-- The bearer token is the first argument after `--`, or $DANVAN_TOKEN.

local texts = {
  "Đèn đường trên hẻm 12 Nguyễn Trãi, phường Hạnh Thông bị hỏng hơn hai tuần nay, buổi tối rất tối, đề nghị phường cho sửa sớm.",
  "Khu phố 6 phường Bảy Hiền nước sinh hoạt yếu, có hôm mất nước cả ngày mà không có thông báo trước.",
  "Quán karaoke ở số 45 Lê Văn Sỹ mở nhạc to đến 1 giờ sáng, người già và trẻ nhỏ không ngủ được.",
  "Rác thải tập kết ở đầu hẻm 88 Cách Mạng Tháng Tám không được thu gom đúng giờ, bốc mùi hôi thối.",
  "Đề nghị phường xem xét lắp thêm biển báo giảm tốc độ trước cổng trường tiểu học vì xe chạy rất nhanh.",
  "Tôi đã nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất từ tháng 3 nhưng đến nay vẫn chưa có kết quả.",
  "Một số hộ kinh doanh lấn chiếm vỉa hè đường Hoàng Văn Thụ, người đi bộ phải xuống lòng đường rất nguy hiểm.",
  "Cống thoát nước ở tổ 7 bị nghẹt, mỗi lần mưa lớn nước ngập đến đầu gối, tràn vào nhà dân.",
  "Kiến nghị tổ chức lớp tập huấn phòng cháy chữa cháy cho các hộ dân trong chung cư cũ ở khu phố 3.",
  "Công trình xây dựng nhà số 17 hẻm 5 thi công cả ban đêm, bụi và tiếng ồn ảnh hưởng các nhà xung quanh.",
  "Trạm y tế phường đông người, thời gian chờ tiêm chủng cho trẻ quá lâu, đề nghị bố trí thêm bàn tiếp nhận.",
  "Cây xanh trên đường Trường Chinh có nhiều cành khô, mùa mưa bão dễ gãy đổ, đề nghị cắt tỉa.",
  "Gia đình tôi thuộc diện hộ cận nghèo nhưng chưa được nhận hỗ trợ bảo hiểm y tế năm nay.",
  "Đường vào ấp 2 xã Tân Thạnh Đông xuống cấp, nhiều ổ gà, xe máy đi lại thường xuyên bị té ngã.",
  "Có người đổ trộm xà bần ra khu đất trống cạnh chợ vào ban đêm, đề nghị lắp camera và xử lý.",
  "Đề nghị công khai danh sách hộ được hỗ trợ sửa chữa nhà ở để người dân được biết và giám sát.",
  "Xe tải chở vật liệu đậu trên đường Phạm Văn Hai suốt ngày, gây kẹt xe vào giờ tan tầm.",
  "Hệ thống loa phát thanh của khu phố phát vào sáng sớm quá to, đề nghị điều chỉnh âm lượng và giờ phát.",
  "Tôi phản ánh việc cán bộ một cửa hẹn trả kết quả nhiều lần nhưng không giải thích lý do chậm.",
  "Nhà văn hóa khu phố xuống cấp, mái tôn bị dột, đề nghị sửa chữa để bà con sinh hoạt.",
  "Mương nước ở xã Ngũ Hiệp bị lấp một đoạn, ruộng của nhiều hộ không thoát được nước sau mưa.",
  "Đề nghị bố trí thêm thùng rác công cộng ở công viên vì hiện chỉ có hai thùng, luôn bị đầy.",
  "Đường dây điện trước nhà số 120 bị võng thấp, xe tải đi qua có thể vướng, rất nguy hiểm.",
  "Một cơ sở giết mổ gia cầm tự phát trong khu dân cư xả nước thải ra cống, mùi hôi nồng nặc.",
  "Học sinh đi học phải băng qua ngã tư không có đèn tín hiệu, đề nghị lắp đèn hoặc bố trí người hướng dẫn.",
  "Tiền thu gom rác tháng này tăng mà không có thông báo, đề nghị giải thích cách tính.",
  "Kiến nghị mở rộng giờ làm việc của bộ phận tiếp nhận hồ sơ vào sáng thứ Bảy cho người đi làm.",
  "Trên đường Cộng Hòa có nắp hố ga bị vỡ, ban đêm không thấy rõ, đã có người bị té.",
  "Chó thả rông không rọ mõm ở khu phố 4, trẻ em đi học rất sợ, đề nghị nhắc nhở các hộ nuôi.",
  "Nhà tôi bị nứt tường do công trình bên cạnh đào móng, đã báo chủ đầu tư nhưng chưa được giải quyết.",
  "Đề nghị phường hướng dẫn thủ tục đăng ký thường trú cho người mới chuyển đến rõ ràng hơn.",
  "Bãi giữ xe trước chợ thu phí cao hơn quy định, không có vé, đề nghị kiểm tra.",
  "Khói từ lò đốt rác của một hộ dân ở tổ 5 bay vào nhà, người lớn tuổi bị ho kéo dài.",
  "Vỉa hè đường Lạc Long Quân bị đào lên để sửa ống nước rồi không hoàn trả mặt bằng.",
  "Đề nghị tổ chức tiêm phòng dại cho chó mèo tại khu phố, nhiều hộ không biết đăng ký ở đâu.",
  "Camera an ninh ở đầu hẻm đã hỏng lâu ngày, gần đây xảy ra mấy vụ mất trộm xe máy.",
}

local token = os.getenv("DANVAN_TOKEN")
local counter = 0
local threads = 0

-- Runs once per thread in the main script: threads start at different texts.
function setup(thread)
  thread:set("offset", threads * 13)
  threads = threads + 1
end

function init(args)
  if args[1] then token = args[1] end
  if not token or token == "" then
    error("register.lua: give the bearer token after `--` or in DANVAN_TOKEN")
  end
  counter = (offset or 0) % #texts
end

function request()
  counter = counter % #texts + 1
  local body = '{"kind":"phan-anh","text":"' .. texts[counter] .. '"}'
  return wrk.format("POST", "/api/v1/grievances", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json; charset=utf-8",
  }, body)
end
